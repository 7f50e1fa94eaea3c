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

    [Fact]
    public void Load_KerberosWithoutPassword_IsAcceptedAndUsesTheTicketCache()
    {
        var loaded = ConfigurationLoader.Load(Write("HyperV", "https://hv01.example.net:5986/wsman", "Kerberos", password: null), new Dictionary<string, string?>());

        var target = Assert.Single(loaded.Targets);
        Assert.Equal(("Kerberos", string.Empty), (target.Authentication, target.Password.Reveal()));
    }

    [Theory]
    [InlineData("Ntlm")]
    [InlineData(null)]
    public void Load_NoPasswordWithoutKerberos_IsRefusedNamingThePasswordKey(string? authentication)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(Write("HyperV", "https://hv01.example.net:5986/wsman", authentication, password: null), new Dictionary<string, string?>()));

        Assert.StartsWith("Monitoring:Targets:0:Password: required", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    private string Write(string kind, string address, string? authentication, string? password = "p")
    {
        var target = new JsonObject
        {
            ["Name"] = "host01",
            ["Kind"] = kind,
            ["Address"] = address,
            ["Username"] = "EXAMPLE\\svc-monitor",
        };
        if (password is not null)
        {
            target["Password"] = password;
        }

        if (authentication is not null)
        {
            target["Authentication"] = authentication;
        }

        return _directory.Write("monitoring.json", new JsonObject { ["Monitoring"] = new JsonObject { ["Targets"] = new JsonArray(target) } }.ToJsonString());
    }
}
