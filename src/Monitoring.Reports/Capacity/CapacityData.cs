using Monitoring.Storage;

namespace Monitoring.Reports.Capacity;

/// <summary>Everything the capacity calculation reads: the inventory and the hosts' usage series over the window.</summary>
/// <param name="Inventory">Present (not gone) inventory.</param>
/// <param name="Series">Per host id and metric (<see cref="Core.Model.PerformanceMetric"/>), the buckets in time order.</param>
/// <param name="Resolution">Which table the buckets came from: <c>minute</c>, <c>hour</c> or <c>day</c>.</param>
/// <param name="From">Start of the window.</param>
/// <param name="To">End of the window (the report's "now").</param>
public sealed record CapacityData(
    StoredInventory Inventory,
    IReadOnlyDictionary<(string ObjectId, string Metric), IReadOnlyList<SamplePoint>> Series,
    string Resolution,
    DateTimeOffset From,
    DateTimeOffset To);
