using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary>The vSphere source against the simulator in standalone ESX mode (HostAgent API).</summary>
public sealed class EsxInventoryTests
{
    [Fact]
    public async Task CollectOnce_StandaloneEsxHost_StoresTheHostAndItsVms()
    {
        await using var simulator = await Simulator.StartAsync("-esx");
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(Workspace.Target("esx1", simulator));

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);

        Assert.True(collect.ExitCode == 0, collect.ToString());
        var stored = await VCenterInventoryTests.ReadInventoryAsync(workspace, config);
        var expected = await PyVmomi.InventoryAsync(simulator, "esx1");
        var host = Assert.Single(stored.GetProperty("hosts").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, host.GetProperty("cluster").ValueKind);
        Assert.Contains("ESXi", host.GetProperty("os").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, stored.GetProperty("vms").GetArrayLength()); // the ESX model's default: 2 VMs
        InventoryAssert.HostsEqual(expected, stored);
        InventoryAssert.VmsEqual(expected, stored);
        Assert.All(stored.GetProperty("vms").EnumerateArray(), v => Assert.Equal(host.GetProperty("id").GetString(), v.GetProperty("hostId").GetString()));
    }
}
