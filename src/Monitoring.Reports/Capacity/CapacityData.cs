using Monitoring.Storage;

namespace Monitoring.Reports.Capacity;

/// <summary>Everything the capacity calculation reads: the inventory and the usage series over the window.</summary>
/// <param name="Inventory">Present (not gone) inventory.</param>
/// <param name="Series">Per object id and metric, the buckets in time order: hosts' <see cref="Core.Model.PerformanceMetric.CpuUsage"/> and
/// <see cref="Core.Model.PerformanceMetric.MemoryUsage"/>, datastores' <see cref="Core.Model.StorageMetric"/>s.</param>
/// <param name="Resolution">Which table the buckets came from: <c>minute</c>, <c>hour</c> or <c>day</c>.</param>
/// <param name="From">Start of the window.</param>
/// <param name="To">End of the window (the report's "now").</param>
public sealed record CapacityData(
    StoredInventory Inventory,
    IReadOnlyDictionary<(string ObjectId, string Metric), IReadOnlyList<SamplePoint>> Series,
    string Resolution,
    DateTimeOffset From,
    DateTimeOffset To);
