using Microsoft.Extensions.Time.Testing;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Storage;

public sealed class InventoryReaderTests : IDisposable
{
    private static readonly DateTimeOffset s_first = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReadAsync_WithoutIncludeGone_HidesGoneObjects()
    {
        var reader = await SeedWithOneGoneVmAsync();

        var inventory = await reader.ReadAsync(includeGone: false, CancellationToken.None);

        Assert.Equal(["vc01/vm-22"], inventory.Vms.Select(v => v.Id));
        Assert.Equal(["vc01/host-14"], inventory.Hosts.Select(h => h.Id));
    }

    [Fact]
    public async Task ReadAsync_WithIncludeGone_ShowsGoneObjectsWithTheirGoneTime()
    {
        var reader = await SeedWithOneGoneVmAsync();

        var inventory = await reader.ReadAsync(includeGone: true, CancellationToken.None);

        Assert.Equal(["vc01/vm-23", "vc01/vm-22"], inventory.Vms.Select(v => v.Id)); // db-01 sorts before web-01
        Assert.NotNull(Assert.Single(inventory.Vms, v => v.Id == "vc01/vm-23").GoneAt);
    }

    [Fact]
    public async Task ReadAsync_SeveralTargets_OrdersByTargetThenName()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var store = new InventoryStore(database, new FakeTimeProvider(s_first));
        await store.ApplyAsync(Snapshot("vc02", s_first, [], [Vm("vc02", "vm-1", "alpha", null)]), s_first, CancellationToken.None);
        await store.ApplyAsync(Snapshot("vc01", s_first, [], [Vm("vc01", "vm-7", "zulu", null), Vm("vc01", "vm-8", "bravo", null)]), s_first, CancellationToken.None);

        var inventory = await new InventoryReader(database).ReadAsync(includeGone: false, CancellationToken.None);

        Assert.Equal(["vc01/bravo", "vc01/zulu", "vc02/alpha"], inventory.Vms.Select(v => $"{v.Target}/{v.Name}"));
    }

    private async Task<InventoryReader> SeedWithOneGoneVmAsync()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var time = new FakeTimeProvider(s_first);
        var store = new InventoryStore(database, time);
        await store.ApplyAsync(Snapshot("vc01", s_first, [Host("vc01", "host-14", "esx14")], [Vm("vc01", "vm-22", "web-01", "host-14"), Vm("vc01", "vm-23", "db-01", "host-14")]), s_first, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));
        await store.ApplyAsync(Snapshot("vc01", time.GetUtcNow(), [Host("vc01", "host-14", "esx14")], [Vm("vc01", "vm-22", "web-01", "host-14")]), time.GetUtcNow(), CancellationToken.None);
        return new InventoryReader(database);
    }
}
