using System.Diagnostics;
using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>Runs one phase and measures it: wall time, CPU time, peak RSS and managed allocations.</summary>
internal static class PhaseMeter
{
    /// <summary>How often the managed heap size is sampled for <see cref="PhaseResult.PeakHeap"/>.</summary>
    private static readonly TimeSpan s_heapSampling = TimeSpan.FromMilliseconds(50);

    public static async Task<PhaseResult> MeasureAsync(string name, SimulatorHost simulator, Func<Task<(IReadOnlyDictionary<string, int> Requests, long ReplyBytes)>> phase)
    {
        // Start every phase from the same floor: what earlier phases left collectable is collected and
        // its memory handed back, so it neither counts against this phase nor lowers its GC work.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        var reset = ProcessMemory.TryResetPeak();
        var rssAtStart = ProcessMemory.CurrentBytes;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var simulatorCpu = simulator.CpuTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        long peakHeap = 0;
        using var sampler = new Timer(_ => Interlocked.Exchange(ref peakHeap, Math.Max(Interlocked.Read(ref peakHeap), GC.GetGCMemoryInfo().HeapSizeBytes)), null, TimeSpan.Zero, s_heapSampling);
        var wall = Stopwatch.StartNew();

        var (requests, replyBytes) = await phase().ConfigureAwait(false);

        wall.Stop();
        process.Refresh();
        var result = new PhaseResult(
            name,
            wall.Elapsed,
            process.TotalProcessorTime - cpu,
            simulator.CpuTime - simulatorCpu,
            rssAtStart,
            ProcessMemory.PeakBytes,
            reset,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            Math.Max(Interlocked.Read(ref peakHeap), GC.GetGCMemoryInfo().HeapSizeBytes),
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(2) - gen2,
            requests,
            replyBytes,
            load);
        return result;
    }
}
