using Monitoring.Core.Model;
using Monitoring.Storage.Records;

namespace Monitoring.Reports.Capacity;

/// <summary>The storage use series of a set of datastores or volumes, built from their stored
/// <see cref="StorageMetric"/> samples.</summary>
internal static class StorageHistory
{
    /// <summary>Per bucket, the used bytes of the datastores sampled in it over their capacity: a ratio weighted by
    /// size, like the scopes' CPU and memory. The bucket's peak is the datastores' largest used bytes over the same
    /// capacity. Only datastores with both metrics in a bucket count there, so one missing from a pass never reads as
    /// free space.</summary>
    public static IReadOnlyList<SamplePoint> Of(IReadOnlyList<DatastoreRecord> datastores, CapacityData data)
    {
        var buckets = new SortedDictionary<long, (double Used, double Capacity, double UsedMax)>();
        foreach (var datastore in datastores)
        {
            var capacity = CapacityCalculator.SeriesOf(data, datastore.Id, StorageMetric.Capacity).ToDictionary(p => p.Timestamp);
            foreach (var used in CapacityCalculator.SeriesOf(data, datastore.Id, StorageMetric.Used))
            {
                if (capacity.TryGetValue(used.Timestamp, out var size) && size.Average > 0)
                {
                    var b = buckets.GetValueOrDefault(used.Timestamp);
                    buckets[used.Timestamp] = (b.Used + used.Average, b.Capacity + size.Average, b.UsedMax + used.Maximum);
                }
            }
        }

        return [.. buckets.Select(b => new SamplePoint(b.Key, b.Value.Used / b.Value.Capacity, b.Value.UsedMax / b.Value.Capacity))];
    }
}
