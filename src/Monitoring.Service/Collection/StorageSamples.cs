using Monitoring.Core.Model;
using Monitoring.Storage.Records;

namespace Monitoring.Service.Collection;

/// <summary>Turns an inventory snapshot's datastores and volumes into minute samples of <see cref="StorageMetric"/>,
/// so free space has a history (the capacity report's storage average, percentile and trend).</summary>
internal static class StorageSamples
{
    /// <summary>Two rows per datastore that reports a size and its free space (capacity and used, bytes), stamped with
    /// the minute the pass collected in. One sample each: average, minimum and maximum are the value.</summary>
    /// <remarks>A datastore without a size (vSphere leaves an inaccessible one's unset) records nothing rather than a
    /// zero that would read as an empty disk.</remarks>
    public static IReadOnlyList<MinuteSampleRecord> From(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var seconds = snapshot.CollectedAt.ToUnixTimeSeconds();
        var minute = seconds - (((seconds % 60) + 60) % 60);
        var rows = new List<MinuteSampleRecord>(snapshot.Datastores.Count * 2);
        foreach (var datastore in snapshot.Datastores)
        {
            if (datastore is not { CapacityBytes: > 0 and var capacity, FreeBytes: { } free })
            {
                continue;
            }

            var used = capacity - Math.Clamp(free, 0, capacity);
            rows.Add(Row(datastore.Id, StorageMetric.Capacity, minute, capacity));
            rows.Add(Row(datastore.Id, StorageMetric.Used, minute, used));
        }

        return rows;
    }

    private static MinuteSampleRecord Row(string objectId, string metric, long minute, double value) => new()
    {
        ObjectId = objectId,
        Metric = metric,
        Timestamp = minute,
        Average = value,
        Minimum = value,
        Maximum = value,
        Count = 1,
    };
}
