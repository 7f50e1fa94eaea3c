namespace Monitoring.Core.Model;

/// <summary>The storage metrics each inventory pass records for every datastore or volume that reports a size, as
/// minute samples beside the realtime <see cref="PerformanceMetric"/>s (same tables, rollups and retention), in bytes.</summary>
/// <remarks>The names are storage keys (the object is the datastore's inventory id). They are not realtime metrics:
/// they are not in <see cref="PerformanceMetric.All"/> and add no Prometheus series (the datastore gauges
/// <c>virt_datastore_capacity_bytes</c> and <c>virt_datastore_free_bytes</c> already give the latest values). The
/// capacity report reads them for storage history (docs/capacity.md). Renaming one needs a migration note.</remarks>
public static class StorageMetric
{
    /// <summary>The datastore's or volume's size, bytes (vSphere <c>summary.capacity</c>, <c>Win32_LogicalDisk.Size</c>).</summary>
    public const string Capacity = "storage.capacity";

    /// <summary>Space in use, capacity minus free space, bytes (vSphere <c>summary.capacity - summary.freeSpace</c>,
    /// <c>Win32_LogicalDisk.Size - FreeSpace</c>).</summary>
    public const string Used = "storage.used";

    /// <summary>Every storage metric, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [Capacity, Used];
}
