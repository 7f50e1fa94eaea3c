using Monitoring.Service.Configuration;
using Monitoring.Service.Ports;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Cli;

/// <summary>What <c>ports</c> lists for a configuration: every target, the database, each listener URL and the
/// exporters that are configured, with no secret in any address.</summary>
public sealed class ConnectionPlanTests
{
    private static readonly Dictionary<string, string?> s_noEnvironment = [];

    [Fact]
    public void From_FullConfiguration_ListsEveryConnectionWithItsPort()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("monitoring.json", """
            { "Monitoring": {
                "Storage": { "Provider": "SqlServer", "ConnectionString": "Server=tcp:db01.corp.example,1533;Database=Monitoring;User ID=mon;Password=s3cret-pw" },
                "Http": { "Urls": "http://127.0.0.1:8100;http://10.0.0.5:9100" },
                "Alerting": { "Alertmanager": { "Url": "http://am.example:9093" } },
                "Otlp": { "Endpoint": "http://collector.example:4317" },
                "Targets": [
                  { "Name": "vc01", "Kind": "vSphere", "Address": "https://vc01.example.net/sdk", "Username": "svc", "Password": "pw1",
                    "Thumbprint": "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89" },
                  { "Name": "hv01", "Kind": "HyperV", "Address": "http://hv01.example.net:5985/wsman", "Username": "svc", "Password": "pw2", "Authentication": "Ntlm" }
                ] } }
            """);
        var configuration = ConfigurationLoader.Load(path, s_noEnvironment);

        var plan = ConnectionPlan.From(configuration, _ => null);

        Assert.Equal(
            [("target", "vc01.example.net", 443), ("target", "hv01.example.net", 5985), ("database", "db01.corp.example", 1533), ("listener", "127.0.0.1", 8100), ("listener", "10.0.0.5", 9100), ("alertmanager", "am.example", 9093), ("otlp", "collector.example", 4317)],
            plan.Select(p => (p.Kind, p.Host!, p.Port!.Value)));
        Assert.True(plan[0].Pinned);
        Assert.False(plan[1].Pinned);
        Assert.StartsWith("HTTPS", plan[0].Protocol, StringComparison.Ordinal);
        Assert.Equal("TDS", plan[2].Protocol);
        Assert.All(plan, p => Assert.DoesNotContain("s3cret", p.Address, StringComparison.Ordinal));
        Assert.All(plan, p => Assert.False(string.IsNullOrWhiteSpace(p.Purpose)));
    }

    [Fact]
    public void From_Defaults_ListsTheSqliteFileAndTheDefaultListener()
    {
        using var folder = new TempDirectory();
        var path = folder.Write("monitoring.json", """{ "Monitoring": { } }""");

        var plan = ConnectionPlan.From(ConfigurationLoader.Load(path, s_noEnvironment), _ => null);

        Assert.Equal(["database", "listener"], plan.Select(p => p.Kind));
        Assert.Equal(folder.Combine("data", "monitoring.db"), plan[0].Address);
        Assert.Null(plan[0].Port);
        Assert.Equal(("127.0.0.1", 8100), (plan[1].Host, plan[1].Port!.Value));
    }

    [Theory]
    [InlineData("db01", "db01", 1433)]
    [InlineData("tcp:db01.corp,1500", "db01.corp", 1500)]
    [InlineData("db01\\MONITORING", "db01", 1433)]
    [InlineData("db01\\MONITORING,1600", "db01", 1600)]
    public void SqlServerEndpoint_ReadsHostAndPort(string dataSource, string host, int port)
    {
        Assert.Equal((host, port), ConnectionPlan.SqlServerEndpoint(dataSource));
    }
}
