using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>Kerberos for real: a throwaway MIT realm (<see cref="KerberosRealm"/>: krb5kdc on 127.0.0.1), a
/// ticket got with kinit, the test endpoint accepting it through the system GSSAPI with the service's keytab,
/// and the product run as its own process with the realm's KRB5_CONFIG and KRB5CCNAME.</summary>
public sealed class KerberosTests(KerberosRealm realm) : IClassFixture<KerberosRealm>
{
    private const string Profile = "windows-2008r2";

    [Fact]
    public async Task CollectOnce_KerberosOverHttpsWithTheTicketFromKinit_AuthenticatesAndStoresTheHost()
    {
        await using var endpoint = await WsManEndpoint.StartKerberosAsync(Profile, realm);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.KerberosTarget("win-krb", "Windows"));

        var collect = await Cli.RunAsync(workspace.Directory, realm.ClientEnvironment(realm.Kinit()), "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Contains(realm.ClientPrincipal, endpoint.KerberosClients);
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        var host = Assert.Single(stored.GetProperty("hosts").EnumerateArray());
        Assert.Equal(ServedReply.Single(Profile, "Win32_ComputerSystem")["Name"], host.GetProperty("name").GetString());
    }

    [Fact]
    public async Task CollectOnce_KerberosWithoutATicket_FailsAsAuthenticationSayingSo()
    {
        await using var endpoint = await WsManEndpoint.StartKerberosAsync(Profile, realm);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.KerberosTarget("win-noticket", "Windows"));

        var collect = await Cli.RunAsync(workspace.Directory, realm.ClientEnvironment(realm.EmptyCache()), "collect", "--once", "--config", config);

        Assert.Equal(1, collect.ExitCode);
        Assert.Contains("win-noticket: FAILED (authentication): Kerberos: no usable ticket in this process's ticket cache", collect.Stdout, StringComparison.Ordinal);
        Assert.Empty(endpoint.KerberosClients);
        Assert.Equal(0, endpoint.Requests("Enumerate"));
    }

    [Fact]
    public async Task CollectOnce_KerberosWithAPasswordAndNoTicket_GetsItsOwnTicketFromTheKdc()
    {
        await using var endpoint = await WsManEndpoint.StartKerberosAsync(Profile, realm);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.KerberosTarget("win-krbpw", "Windows", realm.ClientPassword));

        var collect = await Cli.RunAsync(workspace.Directory, realm.ClientEnvironment(realm.EmptyCache()), "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.Contains(realm.ClientPrincipal, endpoint.KerberosClients);
        Assert.DoesNotContain(realm.ClientPassword, collect.Stdout + collect.Stderr, StringComparison.Ordinal);
    }
}
