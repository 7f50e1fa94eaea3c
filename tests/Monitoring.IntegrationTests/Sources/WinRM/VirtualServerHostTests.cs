using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.IntegrationTests.Sources.VSphere;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>The Virtual Server 2005 R2 collector through the command line.</summary>
public sealed class VirtualServerHostTests
{
    private const string Profile = "virtualserver-2005r2";

    [Fact]
    public async Task CollectOnce_VirtualServerHost_StoresHostAndRunningVmsWithHeartbeatHealth()
    {
        await using var endpoint = await WsManEndpoint.StartAsync(Profile);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("vs", "VirtualServer"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        var host = Assert.Single(stored.GetProperty("hosts").EnumerateArray());
        Assert.Equal(ServedReply.Single(Profile, "Win32_ComputerSystem")["Name"], host.GetProperty("name").GetString());
        Assert.Equal("virtualserver", host.GetProperty("hypervisor").GetString());
        WindowsHostTests.AssertBootedAsServed(Profile, host);
        var vms = ServedReply.Instances(Profile, "VirtualMachine").Select(m =>
        {
            var vm = WindowsHostTests.Vm(stored, m["Name"]!);
            return $"{m["Name"]}:{vm.GetProperty("powerState").GetString()}:{vm.GetProperty("health").GetString()}";
        });
        Assert.Equal(["legacy-web:poweredOn:healthy", "legacy-erp:poweredOn:warning", "nt4-app:poweredOn:unknown"], vms);
    }

    [Fact]
    public async Task CollectOnce_VirtualServerKindOnAHostWithoutIt_SaysTheProviderIsMissing()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("windows-2008r2");
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(endpoint.Target("novs", "VirtualServer"));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.Equal(1, collect.ExitCode);
        Assert.Contains("novs: FAILED (protocol): root/vm/virtualserver does not exist on this host", collect.Stdout, StringComparison.Ordinal);
    }
}
