using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Storage;

/// <summary>VMs' virtual disks through an inventory pass on SQLite: stored with their VM, updated, marked gone.</summary>
public sealed class VirtualDiskStoreTests : IDisposable
{
    private const string Target = "hv01";
    private static readonly DateTimeOffset s_first = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(s_first);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ApplyAsync_PassWithDisks_StoresEachDiskWithItsVmAndReadsItBack()
    {
        var (store, reader) = await OpenAsync();
        InventoryVirtualDisk[] disks =
        [
            Disk(@"IDE\0\0", @"V:\VMs\web-01\web-01.vhdx", 127L << 30, "vhdx", null),
            Disk(@"SCSI\0\0", @"V:\VMs\web-01\web-01-data_6A1F.avhdx", null, "vhdx", true),
        ];

        var changes = await store.ApplyAsync(HyperVSnapshot(disks), s_first, CancellationToken.None);

        Assert.Equal(new InventoryChanges(4, 0, 0), changes); // host, VM, two disks
        var stored = (await reader.ReadAsync(includeGone: false, CancellationToken.None)).VirtualDisks;
        Assert.Equal(
            [
                @"hv01/Microsoft:GUID-WEB\SCSI\0\0\L|" + $@"hv01|hv01/GUID-WEB|V:\VMs\web-01\web-01-data_6A1F.avhdx||vhdx|True|{s_first:O}|",
                @"hv01/Microsoft:GUID-WEB\IDE\0\0\L|" + $@"hv01|hv01/GUID-WEB|V:\VMs\web-01\web-01.vhdx|{127L << 30}|vhdx||{s_first:O}|",
            ],
            stored.Select(d => $"{d.Id}|{d.Target}|{d.VmId}|{d.Path}|{d.CapacityBytes}|{d.Format}|{d.Differencing}|{d.LastSeenAt:O}|{d.GoneAt:O}"));
    }

    [Fact]
    public async Task ApplyAsync_DiskDetachedByTheNextPass_IsMarkedGoneAndLeavesTheDefaultRead()
    {
        var (store, reader) = await OpenAsync();
        var system = Disk(@"IDE\0\0", @"V:\VMs\web-01\web-01.vhdx", 40L << 30, "vhdx", null);
        var data = Disk(@"SCSI\0\0", @"V:\VMs\web-01\web-01-data.vhdx", 500L << 30, "vhdx", null);
        await store.ApplyAsync(HyperVSnapshot([system, data]), s_first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = _time.GetUtcNow();

        // The data disk is detached and the system disk grown.
        var changes = await store.ApplyAsync(HyperVSnapshot([system with { CapacityBytes = 60L << 30 }]), second, CancellationToken.None);

        Assert.Equal(new InventoryChanges(0, 3, 1), changes);
        var present = Assert.Single((await reader.ReadAsync(includeGone: false, CancellationToken.None)).VirtualDisks);
        Assert.Equal((system.Path, 60L << 30), (present.Path, present.CapacityBytes!.Value));
        var all = (await reader.ReadAsync(includeGone: true, CancellationToken.None)).VirtualDisks;
        Assert.Equal(second, Assert.Single(all, d => d.Path == data.Path).GoneAt);
    }

    private static InventorySnapshot HyperVSnapshot(IReadOnlyList<InventoryVirtualDisk> disks) =>
        Snapshot(Target, s_first, [Host(Target, "HV01", "HV01")], [Vm(Target, "GUID-WEB", "web-01", "HV01")]) with { VirtualDisks = disks };

    /// <summary>A disk of web-01; its key is a setting's InstanceID (<c>Microsoft:&lt;VM&gt;\&lt;slot&gt;\L</c>).</summary>
    private static InventoryVirtualDisk Disk(string slot, string path, long? capacity, string format, bool? differencing) =>
        new(ObjectId.Create(Target, $@"Microsoft:GUID-WEB\{slot}\L"), Target, ObjectId.Create(Target, "GUID-WEB"), path, capacity, format, differencing);

    private async Task<(InventoryStore Store, InventoryReader Reader)> OpenAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        return (new InventoryStore(database, _time), new InventoryReader(database));
    }
}
