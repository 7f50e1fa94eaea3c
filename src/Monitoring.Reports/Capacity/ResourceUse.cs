namespace Monitoring.Reports.Capacity;

/// <summary>Use of one resource over the window, as a ratio of capacity (0-1; memory can exceed 1 when the host
/// over-commits).</summary>
/// <param name="Average">Mean of the bucket averages.</param>
/// <param name="P95">95th percentile of the bucket averages (<see cref="Statistics.Percentile"/>).</param>
/// <param name="Peak">The largest sample in the window (the buckets' maxima).</param>
/// <param name="Trend">The least-squares line and days to exhaustion; null when the buckets span under a day
/// (<see cref="CapacityCalculator.MinimumTrendDays"/>).</param>
/// <param name="Buckets">Buckets behind the figures.</param>
public sealed record ResourceUse(double? Average, double? P95, double? Peak, Trend? Trend, int Buckets)
{
    public static ResourceUse None { get; } = new(null, null, null, null, 0);
}
