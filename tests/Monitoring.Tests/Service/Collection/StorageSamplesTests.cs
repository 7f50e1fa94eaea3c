using Monitoring.Core.Model;
using Monitoring.Service.Collection;
using Xunit;

namespace Monitoring.Tests.Service.Collection;

/// <summary>What an inventory pass records as storage history: capacity and used bytes per datastore, in the minute it
/// collected, and nothing for a datastore that reports no size.</summary>
public sealed class StorageSamplesTests
{
    private static readonly DateTimeOffset s_collectedAt = new(2026, 11, 25, 10, 5, 42, TimeSpan.Zero);

    [Fact]
    public void From_SizedDatastores_RecordsCapacityAndUsedBytesInThePassesMinute()
    {
        var rows = StorageSamples.From(Snapshot(
            Datastore("vc1/datastore-1", 1000, 250),
            Datastore("win/SRV1/C:", 500, 500)));

        var minute = new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.All(rows, r => Assert.Equal(minute, r.Timestamp));
        Assert.All(rows, r => Assert.Equal((r.Average, r.Average, 1), (r.Minimum, r.Maximum, r.Count)));
        Assert.Equal(
            ["vc1/datastore-1 storage.capacity 1000", "vc1/datastore-1 storage.used 750", "win/SRV1/C: storage.capacity 500", "win/SRV1/C: storage.used 0"],
            rows.Select(r => $"{r.ObjectId} {r.Metric} {r.Average}"));
    }

    [Fact]
    public void From_DatastoreWithoutSizeOrFreeSpace_RecordsNothingForIt()
    {
        var rows = StorageSamples.From(Snapshot(
            Datastore("vc1/datastore-1", null, null),
            Datastore("vc1/datastore-2", 0, 0),
            Datastore("vc1/datastore-3", 1000, null),
            Datastore("vc1/datastore-4", 1000, 2000)));

        // Free space over the size (a stale reply) counts as nothing used, never as negative use.
        Assert.Equal(["vc1/datastore-4 storage.capacity 1000", "vc1/datastore-4 storage.used 0"], rows.Select(r => $"{r.ObjectId} {r.Metric} {r.Average}"));
    }

    private static InventorySnapshot Snapshot(params InventoryDatastore[] datastores) =>
        new("vc1", s_collectedAt, [], [], [], [], datastores);

    private static InventoryDatastore Datastore(string id, long? capacity, long? free) =>
        new(id, id.Split('/')[0], id, null, new Health(HealthState.Healthy, null), capacity, free, "VMFS", true);
}
