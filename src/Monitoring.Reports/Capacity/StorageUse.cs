namespace Monitoring.Reports.Capacity;

/// <summary>Storage as the last inventory saw it: no history of free space is stored, so there is no average,
/// percentile or trend for storage (docs/capacity.md).</summary>
/// <param name="CapacityBytes">Total size of the datastores or volumes counted.</param>
/// <param name="UsedBytes">Capacity minus free space.</param>
/// <param name="Datastores">How many were counted.</param>
public sealed record StorageUse(long CapacityBytes, long UsedBytes, int Datastores)
{
    /// <summary>Used over capacity; null when nothing reports a size.</summary>
    public double? Ratio => CapacityBytes > 0 ? (double)UsedBytes / CapacityBytes : null;
}
