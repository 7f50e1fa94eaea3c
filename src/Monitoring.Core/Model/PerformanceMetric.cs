namespace Monitoring.Core.Model;

/// <summary>The realtime performance metrics every source maps its counters to, in base units.</summary>
/// <remarks>The names are storage keys and the stem of the Prometheus names (<c>cpu.usage</c> becomes
/// <c>virt_vm_cpu_usage_ratio</c>); renaming one needs a migration note.</remarks>
public static class PerformanceMetric
{
    /// <summary>CPU in use as a share of the object's capacity, 0-1 (vSphere <c>cpu.usage.average</c>).</summary>
    public const string CpuUsage = "cpu.usage";

    /// <summary>Time the object was ready to run but waited for a physical CPU, as a share of the sample
    /// interval, summed over its vCPUs (vSphere <c>cpu.ready.summation</c>).</summary>
    public const string CpuReady = "cpu.ready";

    /// <summary>Memory in use as a share of the object's memory, 0-1 (vSphere <c>mem.usage.average</c>).</summary>
    public const string MemoryUsage = "memory.usage";

    /// <summary>Host memory backing the object, bytes (vSphere <c>mem.consumed.average</c>).</summary>
    public const string MemoryConsumed = "memory.consumed";

    /// <summary>Disk throughput, read plus write, bytes per second (vSphere <c>disk.usage.average</c>).</summary>
    public const string DiskThroughput = "disk.throughput";

    /// <summary>Network throughput, received plus transmitted, bytes per second (vSphere <c>net.usage.average</c>).</summary>
    public const string NetworkThroughput = "network.throughput";

    /// <summary>Every metric, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [CpuUsage, CpuReady, MemoryUsage, MemoryConsumed, DiskThroughput, NetworkThroughput];
}
