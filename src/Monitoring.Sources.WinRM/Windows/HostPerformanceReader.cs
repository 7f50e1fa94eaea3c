using Monitoring.Core.Collection;
using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.Windows;

/// <summary>Reads a Windows host's load from the formatted performance classes of <c>root/cimv2</c>, in base
/// units: CPU (a ratio), memory in use (a ratio and bytes), disk and network throughput (bytes per second).</summary>
/// <remarks>Each counter class is optional: one a Windows version lacks leaves that metric out (logged once).
/// The formatted classes hold the last one-second sample the host computed, so a poll needs no second read.</remarks>
internal static class HostPerformanceReader
{
    /// <summary>The host's CPU as Windows sees it from the operating system.</summary>
    public const string ProcessorQuery = "SELECT * FROM Win32_PerfFormattedData_PerfOS_Processor WHERE Name = '_Total'";

    /// <summary>On a Hyper-V host the parent partition's counters see only its own share; the hypervisor's
    /// logical-processor counters see every guest too.</summary>
    public const string HypervisorQuery = "SELECT * FROM Win32_PerfFormattedData_HvStats_HyperVHypervisorLogicalProcessor WHERE Name = '_Total'";

    private const string MemoryQuery = "SELECT * FROM Win32_OperatingSystem";
    private const string DiskQuery = "SELECT * FROM Win32_PerfFormattedData_PerfDisk_PhysicalDisk WHERE Name = '_Total'";
    private const string NetworkQuery = "SELECT * FROM Win32_PerfFormattedData_Tcpip_NetworkInterface";

    /// <summary>The host's samples; its id comes from the name it reports.</summary>
    /// <param name="session">The target's session.</param>
    /// <param name="hypervisorCpu">Read CPU from the hypervisor's counters (Hyper-V hosts).</param>
    /// <param name="at">The samples' timestamp.</param>
    /// <param name="samples">Where the samples go.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The host's inventory id.</returns>
    public static async Task<string> ReadAsync(WmiSession session, bool hypervisorCpu, DateTimeOffset at, List<PerformanceSample> samples, CancellationToken cancellationToken)
    {
        const string Cimv2 = WindowsHostReader.Cimv2;
        var os = await session.FirstAsync(Cimv2, MemoryQuery, cancellationToken).ConfigureAwait(false)
            ?? throw new TargetFailureException(FailureKind.Protocol, "Win32_OperatingSystem returned no instance");
        var hostId = ObjectId.Create(session.Target, os.String("CSName") ?? throw new TargetFailureException(FailureKind.Protocol, "Win32_OperatingSystem has no CSName"));
        if (os.Int64("TotalVisibleMemorySize") is { } totalKb && totalKb > 0 && os.Int64("FreePhysicalMemory") is { } freeKb)
        {
            var usedKb = Math.Max(0, totalKb - freeKb);
            samples.Add(new PerformanceSample(hostId, PerformanceMetric.MemoryUsage, at, (double)usedKb / totalKb));
            samples.Add(new PerformanceSample(hostId, PerformanceMetric.MemoryConsumed, at, usedKb * 1024d));
        }

        var cpu = hypervisorCpu
            ? (await session.FirstOptionalAsync(Cimv2, HypervisorQuery, "Win32_PerfFormattedData_HvStats_HyperVHypervisorLogicalProcessor", cancellationToken).ConfigureAwait(false))?.Double("PercentTotalRunTime")
            : (await session.FirstOptionalAsync(Cimv2, ProcessorQuery, "Win32_PerfFormattedData_PerfOS_Processor", cancellationToken).ConfigureAwait(false))?.Double("PercentProcessorTime");
        if (cpu is { } percent)
        {
            samples.Add(new PerformanceSample(hostId, PerformanceMetric.CpuUsage, at, Math.Clamp(percent / 100d, 0, 1)));
        }

        var disk = (await session.FirstOptionalAsync(Cimv2, DiskQuery, "Win32_PerfFormattedData_PerfDisk_PhysicalDisk", cancellationToken).ConfigureAwait(false))?.Double("DiskBytesPersec");
        if (disk is { } diskRate)
        {
            samples.Add(new PerformanceSample(hostId, PerformanceMetric.DiskThroughput, at, diskRate));
        }

        var interfaces = await session.QueryOptionalAsync(Cimv2, NetworkQuery, "Win32_PerfFormattedData_Tcpip_NetworkInterface", cancellationToken).ConfigureAwait(false);
        if (interfaces.Count > 0)
        {
            samples.Add(new PerformanceSample(hostId, PerformanceMetric.NetworkThroughput, at, Total(interfaces)));
        }

        return hostId;
    }

    private static double Total(IReadOnlyList<WsMan.WmiInstance> interfaces)
    {
        var total = 0d;
        foreach (var adapter in interfaces)
        {
            total += adapter.Double("BytesTotalPersec") ?? 0;
        }

        return total;
    }
}
