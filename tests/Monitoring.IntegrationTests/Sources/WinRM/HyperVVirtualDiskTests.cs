using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM;
using Monitoring.Sources.WinRM.HyperV;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>A Hyper-V host's inventory pass through the real client and transport (HTTPS, Basic) against the test
/// endpoint: each VM's virtual hard disks from the host's disk settings, as the served replies hold them.</summary>
public sealed class HyperVVirtualDiskTests
{
    [Theory]
    [InlineData("hyperv-2008r2", HyperVVirtualDisks.SettingsClassV1, "Connection",
        "build-01:build-01_C3D4E5F6-A7B8-4C9D-8E0F-1A2B3C4D5E05.avhd|sql-01:sql-01.vhd|test-01:test-01-data.vhd+test-01.vhd|web-01:web-01.vhd")]
    [InlineData("hyperv-2016", HyperVVirtualDisks.SettingsClassV2, "HostResource",
        "app-01:app-01.vhdx|app-02:app-02-data.vhdx+app-02-shared.vhds+app-02.vhdx|old-01:old-01_9C0D1E2F-3A4B-4C5D-8E6F-7A8B9C0D1E06.avhdx|saved-01:saved-01.vhdx")]
    public async Task Inventory_HyperVHost_ListsEachVmsVirtualHardDisksAndNothingElse(string profile, string settingsClass, string pathProperty, string expected)
    {
        await using var endpoint = await WsManEndpoint.StartAsync(profile);
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);

        var snapshot = await Collector(pool).CollectInventoryAsync(Target(endpoint), CancellationToken.None);

        // Per VM, the files of its own disks: the ISO in a DVD drive and the checkpoint's setting are not among them.
        var names = snapshot.Vms.ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal);
        var listed = string.Join('|', snapshot.VirtualDisks.GroupBy(d => names[d.VmId]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + ":" + string.Join('+', g.Select(d => d.Path[(d.Path.LastIndexOf('\\') + 1)..]).Order(StringComparer.Ordinal))));
        Assert.Equal(expected, listed);

        var settings = ServedReply.Instances(profile, settingsClass);
        foreach (var disk in snapshot.VirtualDisks)
        {
            Assert.Equal("hv", disk.Target);
            var setting = settings.Single(s => "hv/" + s["InstanceID"] == disk.Id);
            Assert.Equal(setting[pathProperty], disk.Path);
            Assert.Equal(disk.Path.EndsWith("vhdx", StringComparison.Ordinal) ? "vhdx" : disk.Path.EndsWith("vhds", StringComparison.Ordinal) ? "vhds" : "vhd", disk.Format);
            Assert.Equal(disk.Path.Contains(".avhd", StringComparison.Ordinal) ? true : null, disk.Differencing);
            Assert.Equal(ServedCapacity(setting), disk.CapacityBytes);
        }

        Assert.Empty(snapshot.Gaps);
    }

    [Fact]
    public async Task Inventory_HyperV2016_ReadsCapacityWhereTheSettingGivesItAndLeavesItUnknownWhereNot()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("hyperv-2016");
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);

        var snapshot = await Collector(pool).CollectInventoryAsync(Target(endpoint), CancellationToken.None);

        var byFile = snapshot.VirtualDisks.ToDictionary(d => d.Path[(d.Path.LastIndexOf('\\') + 1)..], StringComparer.Ordinal);
        Assert.Equal(500L * 1024 * 1024 * 1024, byFile["app-02-data.vhdx"].CapacityBytes);
        Assert.Null(byFile["saved-01.vhdx"].CapacityBytes);
    }

    [Fact]
    public async Task Inventory_DiskSettingsClassMissing_IsAGapAndTheVmsAreStillRead()
    {
        await using var endpoint = await WsManEndpoint.StartAsync("hyperv-2016");
        endpoint.Faults[HyperVVirtualDisks.SettingsClassV2] = WsManEndpoint.CapturedFault(0x80041010, "n:CannotProcessFilter", "Invalid class ");
        using var pool = new WinRMSessionPool(NullLogger<WinRMSessionPool>.Instance);

        var snapshot = await Collector(pool).CollectInventoryAsync(Target(endpoint), CancellationToken.None);

        Assert.Equal(ServedReply.Instances("hyperv-2016", "Msvm_ComputerSystem").Count, snapshot.Vms.Count);
        Assert.Empty(snapshot.VirtualDisks);
        Assert.Equal([HyperVVirtualDisks.SettingsClassV2], snapshot.Gaps);
    }

    private static HyperVCollector Collector(WinRMSessionPool pool) =>
        new(pool, NullLogger<HyperVCollector>.Instance, TimeProvider.System);

    private static TargetDefinition Target(WsManEndpoint endpoint) => new(
        "hv", TargetKind.HyperV, endpoint.Url, "monitor", new Secret("winrm-test-pass"),
        Convert.FromHexString(endpoint.Thumbprint.Replace(":", string.Empty, StringComparison.Ordinal)), TimeSpan.FromSeconds(30), 256, "Basic");

    /// <summary>VirtualQuantity blocks of VirtualResourceBlockSize bytes, as served; null where either is nil.</summary>
    private static long? ServedCapacity(Dictionary<string, string?> setting) =>
        setting.GetValueOrDefault("VirtualQuantity") is { } blocks && setting.GetValueOrDefault("VirtualResourceBlockSize") is { } size
            ? long.Parse(blocks, CultureInfo.InvariantCulture) * long.Parse(size, CultureInfo.InvariantCulture)
            : null;
}
