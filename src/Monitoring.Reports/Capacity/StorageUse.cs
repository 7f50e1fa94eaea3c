namespace Monitoring.Reports.Capacity;

/// <summary>Storage of a scope or host: its size and use as the last inventory saw them, and the use over the window
/// from the stored <see cref="Core.Model.StorageMetric"/> samples.</summary>
/// <param name="CapacityBytes">Total size of the datastores or volumes counted.</param>
/// <param name="UsedBytes">Capacity minus free space.</param>
/// <param name="Datastores">How many were counted.</param>
/// <param name="History">Used over capacity per bucket (the datastores' used bytes summed over their capacity summed,
/// among those sampled in the bucket): average, p95, peak, trend and days until the target ratio, as for CPU and
/// memory; <see cref="ResourceUse.None"/> when no sample is stored (a database filled by <c>collect --once</c> alone).</param>
public sealed record StorageUse(long CapacityBytes, long UsedBytes, int Datastores, ResourceUse History)
{
    /// <summary>Used over capacity; null when nothing reports a size.</summary>
    public double? Ratio => CapacityBytes > 0 ? (double)UsedBytes / CapacityBytes : null;
}
