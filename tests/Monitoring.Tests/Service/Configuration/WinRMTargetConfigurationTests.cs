using System.Text.Json.Nodes;
using Monitoring.Core.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Configuration;

public sealed class WinRMTargetConfigurationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("HyperV", "http://hv01.example.net:5985/wsman", "Ntlm", TargetKind.HyperV)]
    [InlineData("Windows", "https://win01.example.net:5986/wsman", "Basic", TargetKind.Windows)]
    [InlineData("VirtualServer", "http://vs01.example.net/wsman", null, TargetKind.VirtualServer)]
    public void Load_WinRMTarget_KeepsKindAddressAndAuthentication(string kind, string address, string? authentication, TargetKind expected)
    {
        var loaded = ConfigurationLoader.Load(Write(kind, address, authentication), new Dictionary<string, string?>());

        var target = Assert.Single(loaded.Targets);
        Assert.Equal((expected, address, authentication), (target.Kind, target.Address.ToString(), target.Authentication));
    }

    [Fact]
    public void Load_BasicOverHttp_IsRefusedNamingTheKeyAndTheWayOut()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(Write("Windows", "http://win01.example.net:5985/wsman", "Basic"), new Dictionary<string, string?>()));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Targets:0:Authentication: Basic over http would send the password in clear", problem, StringComparison.Ordinal);
        Assert.Contains("https://", problem, StringComparison.Ordinal);
    }

    private string Write(string kind, string address, string? authentication)
    {
        var target = new JsonObject
        {
            ["Name"] = "host01",
            ["Kind"] = kind,
            ["Address"] = address,
            ["Username"] = "EXAMPLE\\svc-monitor",
            ["Password"] = "p",
        };
        if (authentication is not null)
        {
            target["Authentication"] = authentication;
        }

        return _directory.Write("monitoring.json", new JsonObject { ["Monitoring"] = new JsonObject { ["Targets"] = new JsonArray(target) } }.ToJsonString());
    }
}
