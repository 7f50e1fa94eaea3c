using Monitoring.Core.Model;

namespace Monitoring.Sources.VSphere.Performance;

/// <summary>The counters a realtime pass reads: one per <see cref="PerformanceMetric"/>, the aggregate
/// instance of each, all available at the realtime interval for hosts and VMs at statistics level 1.</summary>
internal static class RealtimeCounters
{
    /// <summary>The realtime interval: 20-second samples, kept about an hour on the host.</summary>
    public const int IntervalSeconds = 20;

    /// <summary>Samples per entity and pass: a pass every 20 s then still fills a gap of one missed pass,
    /// and samples seen twice are the same samples (same timestamp).</summary>
    public const int MaxSample = 3;

    public static IReadOnlyList<RealtimeCounter> All { get; } =
    [
        new("cpu.usage.average", PerformanceMetric.CpuUsage, RealtimeCounter.Percent),
        new("cpu.ready.summation", PerformanceMetric.CpuReady, RealtimeCounter.Millisecond),
        new("mem.usage.average", PerformanceMetric.MemoryUsage, RealtimeCounter.Percent),
        new("mem.consumed.average", PerformanceMetric.MemoryConsumed, RealtimeCounter.KiloBytes),
        new("disk.usage.average", PerformanceMetric.DiskThroughput, RealtimeCounter.KiloBytesPerSecond),
        new("net.usage.average", PerformanceMetric.NetworkThroughput, RealtimeCounter.KiloBytesPerSecond),
    ];
}
