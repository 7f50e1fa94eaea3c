using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Storage;

public sealed class InventoryStoreTests : IDisposable
{
    private const string Target = "vc01";
    private static readonly DateTimeOffset s_first = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(s_first);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ApplyAsync_FirstPass_AddsEveryObject()
    {
        var (store, reader, database) = await OpenAsync();

        var changes = await store.ApplyAsync(
            Snapshot(Target, s_first, [Host(Target, "host-14", "esx14", cpus: 32, memory: 137_391_214_592L)], [Vm(Target, "vm-22", "web-01", "host-14", PowerState.Suspended)]),
            s_first,
            CancellationToken.None);

        Assert.Equal(new InventoryChanges(2, 0, 0), changes);
        var stored = await reader.ReadAsync(includeGone: false, CancellationToken.None);
        var host = Assert.Single(stored.Hosts);
        Assert.Equal(("vc01/host-14", "esx14", 32, 137_391_214_592L), (host.Id, host.Name, host.CpuCount!.Value, host.MemoryBytes!.Value));
        Assert.Equal((s_first, s_first), (host.FirstSeenAt, host.LastSeenAt));
        Assert.Null(host.GoneAt);
        var vm = Assert.Single(stored.Vms);
        Assert.Equal(("vc01/vm-22", "web-01", "vc01/host-14", PowerState.Suspended), (vm.Id, vm.Name, vm.HostId, vm.PowerState));
        await using var context = database.CreateContext();
        var pass = await context.InventoryPasses.SingleAsync();
        Assert.True(pass.Succeeded);
        Assert.Equal((Target, 1, 1), (pass.Target, pass.Hosts, pass.Vms));
    }

    [Fact]
    public async Task ApplyAsync_VmMovedToAnotherHost_UpdatesItsHostId()
    {
        var (store, reader, _) = await OpenAsync();
        InventoryHost[] hosts = [Host(Target, "host-14", "esx14"), Host(Target, "host-15", "esx15")];
        await store.ApplyAsync(Snapshot(Target, s_first, hosts, [Vm(Target, "vm-22", "web-01", "host-14")]), s_first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        var changes = await store.ApplyAsync(Snapshot(Target, _time.GetUtcNow(), hosts, [Vm(Target, "vm-22", "web-01", "host-15")]), _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new InventoryChanges(0, 3, 0), changes);
        var vm = Assert.Single((await reader.ReadAsync(includeGone: true, CancellationToken.None)).Vms);
        Assert.Equal("vc01/host-15", vm.HostId);
        Assert.Equal(s_first, vm.FirstSeenAt);
        Assert.Equal(_time.GetUtcNow(), vm.LastSeenAt);
    }

    [Fact]
    public async Task ApplyAsync_ObjectMissingFromALaterPass_MarksItGoneAndKeepsIt()
    {
        var (store, reader, _) = await OpenAsync();
        await store.ApplyAsync(Snapshot(Target, s_first, [Host(Target, "host-14", "esx14")], [Vm(Target, "vm-22", "web-01", "host-14"), Vm(Target, "vm-23", "db-01", "host-14")]), s_first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = _time.GetUtcNow();

        var changes = await store.ApplyAsync(Snapshot(Target, second, [Host(Target, "host-14", "esx14")], [Vm(Target, "vm-22", "web-01", "host-14")]), second, CancellationToken.None);

        Assert.Equal(1, changes.MarkedGone);
        var all = await reader.ReadAsync(includeGone: true, CancellationToken.None);
        var gone = Assert.Single(all.Vms, v => v.Id == "vc01/vm-23");
        Assert.Equal(second, gone.GoneAt);
        Assert.Equal(s_first, gone.LastSeenAt);
        Assert.Equal("db-01", gone.Name);
        Assert.Null(Assert.Single(all.Vms, v => v.Id == "vc01/vm-22").GoneAt);
    }

    [Fact]
    public async Task ApplyAsync_StillMissingInAThirdPass_KeepsTheFirstGoneTime()
    {
        var (store, reader, _) = await OpenAsync();
        await store.ApplyAsync(Snapshot(Target, s_first, [], [Vm(Target, "vm-23", "db-01", null)]), s_first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = _time.GetUtcNow();
        await store.ApplyAsync(Snapshot(Target, second, [], []), second, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        var changes = await store.ApplyAsync(Snapshot(Target, _time.GetUtcNow(), [], []), _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new InventoryChanges(0, 0, 0), changes);
        Assert.Equal(second, Assert.Single((await reader.ReadAsync(includeGone: true, CancellationToken.None)).Vms).GoneAt);
    }

    [Fact]
    public async Task ApplyAsync_GoneObjectComesBack_ClearsGoneAt()
    {
        var (store, reader, _) = await OpenAsync();
        await store.ApplyAsync(Snapshot(Target, s_first, [], [Vm(Target, "vm-23", "db-01", null)]), s_first, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await store.ApplyAsync(Snapshot(Target, _time.GetUtcNow(), [], []), _time.GetUtcNow(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var third = _time.GetUtcNow();

        var changes = await store.ApplyAsync(Snapshot(Target, third, [], [Vm(Target, "vm-23", "db-01", null)]), third, CancellationToken.None);

        Assert.Equal(new InventoryChanges(0, 1, 0), changes);
        var vm = Assert.Single((await reader.ReadAsync(includeGone: false, CancellationToken.None)).Vms);
        Assert.Null(vm.GoneAt);
        Assert.Equal(s_first, vm.FirstSeenAt);
        Assert.Equal(third, vm.LastSeenAt);
    }

    [Fact]
    public async Task RecordFailureAsync_AfterAPass_LeavesStoredInventoryUnchanged()
    {
        var (store, reader, database) = await OpenAsync();
        await store.ApplyAsync(Snapshot(Target, s_first, [Host(Target, "host-14", "esx14")], [Vm(Target, "vm-22", "web-01", "host-14")]), s_first, CancellationToken.None);
        var before = Describe(await reader.ReadAsync(includeGone: true, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));

        await store.RecordFailureAsync(Target, _time.GetUtcNow(), FailureKind.Timeout, "RetrievePropertiesEx: no complete reply within 30 s (TimeoutSeconds)", CancellationToken.None);

        Assert.Equal(before, Describe(await reader.ReadAsync(includeGone: true, CancellationToken.None)));
        await using var context = database.CreateContext();
        var passes = await context.InventoryPasses.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal([true, false], passes.Select(p => p.Succeeded));
        Assert.Equal(FailureKind.Timeout, passes[1].FailureKind);
        Assert.Contains("no complete reply", passes[1].Error, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow(), passes[1].FinishedAt);
    }

    [Fact]
    public async Task ApplyAsync_AnotherTargetsPass_NeverTouchesThisTargetsObjects()
    {
        var (store, reader, _) = await OpenAsync();
        await store.ApplyAsync(Snapshot("vc01", s_first, [Host("vc01", "host-14", "esx14")], [Vm("vc01", "vm-22", "web-01", "host-14")]), s_first, CancellationToken.None);
        var before = Describe(await reader.ReadAsync(includeGone: true, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(5));

        // The other vCenter uses the same managed-object ids, and its pass holds none of vc01's objects.
        var changes = await store.ApplyAsync(Snapshot("vc02", _time.GetUtcNow(), [Host("vc02", "host-14", "esx14")], [Vm("vc02", "vm-22", "web-01", "host-14")]), _time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new InventoryChanges(2, 0, 0), changes);
        var after = await reader.ReadAsync(includeGone: true, CancellationToken.None);
        Assert.Equal(before, Describe(after).Where(line => line.StartsWith("vc01/", StringComparison.Ordinal)));
        Assert.Equal(["vc01/vm-22", "vc02/vm-22"], after.Vms.Select(v => v.Id));
        Assert.All(after.Vms, v => Assert.Null(v.GoneAt));
    }

    [Fact]
    public async Task ApplyAsync_ObjectListedTwiceInOnePass_StoresItOnce()
    {
        var (store, reader, _) = await OpenAsync();
        var host = Host(Target, "host-14", "esx14");

        var changes = await store.ApplyAsync(Snapshot(Target, s_first, [host, host], []), s_first, CancellationToken.None);

        Assert.Equal(1, changes.Added);
        Assert.Single((await reader.ReadAsync(includeGone: true, CancellationToken.None)).Hosts);
    }

    private async Task<(InventoryStore Store, InventoryReader Reader, MonitoringDatabase Database)> OpenAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        return (new InventoryStore(database, _time), new InventoryReader(database), database);
    }

    /// <summary>Every stored host and VM, one line each with every column, to compare reads.</summary>
    private static List<string> Describe(StoredInventory inventory) =>
    [
        .. inventory.Hosts.Select(Line),
        .. inventory.Vms.Select(Line),
    ];

    private static string Line(HostRecord h) =>
        $"{h.Id}|{h.Target}|{h.Name}|{h.ClusterId}|{h.Health}|{h.CpuCount}|{h.MemoryBytes}|{h.Os}|{h.ConnectionState}|{h.FirstSeenAt:O}|{h.LastSeenAt:O}|{h.GoneAt:O}";

    private static string Line(VmRecord v) =>
        $"{v.Id}|{v.Target}|{v.Name}|{v.HostId}|{v.PowerState}|{v.Health}|{v.CpuCount}|{v.MemoryBytes}|{v.FirstSeenAt:O}|{v.LastSeenAt:O}|{v.GoneAt:O}";
}
