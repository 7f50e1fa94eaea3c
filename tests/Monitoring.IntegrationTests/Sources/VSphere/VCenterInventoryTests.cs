using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary>The vSphere source against the real simulator in vCenter mode: several datacenters,
/// clusters and standalone hosts. Expected values come from the model's parameters and from pyvmomi.</summary>
public sealed class VCenterInventoryTests
{
    // 2 datacenters x (2 clusters x 3 hosts + 2 standalone hosts); VMs: -vm per standalone host and per cluster.
    private static readonly string[] s_model = ["-dc", "2", "-cluster", "2", "-host", "3", "-standalone-host", "2", "-vm", "2", "-ds", "2"];
    private const int ExpectedHosts = 2 * ((2 * 3) + 2);
    private const int ExpectedVms = 2 * ((2 * 2) + (2 * 2));
    private const int ExpectedClusters = 2 * 2;

    [Fact]
    public async Task CollectOnce_VCenterWithClustersAndStandaloneHosts_StoresWhatTheSimulatorHolds()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(Workspace.Target("vc1", simulator));

        // Vary power states first, through the independent client, so the mapping is really exercised.
        await PyVmomi.ActAsync(simulator, "power-off", "DC0_H0_VM0");
        await PyVmomi.ActAsync(simulator, "suspend", "DC1_C1_RP0_VM1");

        var collect = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);
        Assert.True(collect.ExitCode == 0, collect.ToString());
        Assert.StartsWith("vc1: ok:", collect.Stdout.Trim(), StringComparison.Ordinal);

        var stored = await ReadInventoryAsync(workspace, config);
        var expected = await PyVmomi.InventoryAsync(simulator, "vc1");

        Assert.Equal(ExpectedHosts, stored.GetProperty("hosts").GetArrayLength());
        Assert.Equal(ExpectedVms, stored.GetProperty("vms").GetArrayLength());
        Assert.Equal(ExpectedClusters, stored.GetProperty("clusters").GetArrayLength());
        InventoryAssert.HostsEqual(expected, stored);
        InventoryAssert.VmsEqual(expected, stored);
        InventoryAssert.ClustersEqual(expected, stored);

        var powerStates = InventoryAssert.Rows(stored.GetProperty("vms"), "name", "powerState");
        Assert.Contains("DC0_H0_VM0 | poweredOff", powerStates);
        Assert.Contains("DC1_C1_RP0_VM1 | suspended", powerStates);
        Assert.All(stored.GetProperty("hosts").EnumerateArray(), h => Assert.Equal("esx", h.GetProperty("hypervisor").GetString()));
        Assert.All(stored.GetProperty("vms").EnumerateArray(), v => Assert.Equal(JsonValueKind.Null, v.GetProperty("disks").ValueKind)); // not read from vSphere
        Assert.Equal(4, stored.GetProperty("hosts").EnumerateArray().Count(h => h.GetProperty("cluster").ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task CollectOnce_VmMovedAndVmDestroyed_UpdatesPlacementAndMarksGone()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1");
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(Workspace.Target("vc1", simulator));
        var first = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = await ReadInventoryAsync(workspace, config);

        await PyVmomi.ActAsync(simulator, "relocate", "DC0_H0_VM0", "DC0_C0_H1");
        await PyVmomi.ActAsync(simulator, "destroy", "DC0_H0_VM1");
        var second = await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config);
        Assert.True(second.ExitCode == 0, second.ToString());

        var after = await ReadInventoryAsync(workspace, config);
        var expected = await PyVmomi.InventoryAsync(simulator, "vc1");
        InventoryAssert.VmsEqual(expected, after);
        Assert.Contains("DC0_H0_VM0 | DC0_C0_H1", InventoryAssert.Rows(after.GetProperty("vms"), "name", "host"));
        Assert.DoesNotContain(after.GetProperty("vms").EnumerateArray(), v => v.GetProperty("name").GetString() == "DC0_H0_VM1");

        // Gone, not deleted: --all still shows it, with the time it went, and its id is unchanged.
        var all = await ReadInventoryAsync(workspace, config, "--all");
        var gone = Assert.Single(all.GetProperty("vms").EnumerateArray(), v => v.GetProperty("name").GetString() == "DC0_H0_VM1");
        Assert.NotEqual(JsonValueKind.Null, gone.GetProperty("goneAt").ValueKind);
        var originalId = before.GetProperty("vms").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "DC0_H0_VM1").GetProperty("id").GetString();
        Assert.Equal(originalId, gone.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Inventory_TableOutput_ListsEveryHostAndVmByName()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "1", "-ds", "1");
        using var workspace = new Workspace();
        var config = workspace.WriteConfig(Workspace.Target("vc1", simulator));
        Assert.Equal(0, (await Cli.RunAsync(workspace.Directory, "collect", "--once", "--config", config)).ExitCode);

        var table = await Cli.RunAsync(workspace.Directory, "inventory", "--config", config);

        Assert.Equal(0, table.ExitCode);
        var expected = await PyVmomi.InventoryAsync(simulator, "vc1");
        var lines = table.Stdout.Split('\n');
        foreach (var name in expected.GetProperty("hosts").EnumerateArray().Concat(expected.GetProperty("vms").EnumerateArray()).Select(o => o.GetProperty("name").GetString()!))
        {
            Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name));
        }
    }

    internal static async Task<JsonElement> ReadInventoryAsync(Workspace workspace, string config, params string[] extra)
    {
        var result = await Cli.RunAsync(workspace.Directory, ["inventory", "--json", "--config", config, .. extra]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
