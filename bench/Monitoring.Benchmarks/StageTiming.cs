using System.Diagnostics;
using System.Runtime;

namespace Monitoring.Benchmarks;

/// <summary>Wall time, CPU time and allocations of one step of ours, to show where the phase goes; with what
/// the JIT compiled (methods, and its time summed over threads, so it can exceed the wall time) and how long
/// the GC paused the process: the two costs of a cold process.</summary>
internal sealed record StageTiming(string Name, TimeSpan Wall, TimeSpan Cpu, long Allocated, TimeSpan Jit, long JitMethods, TimeSpan GcPause)
{
    public static async Task<(T Result, StageTiming Timing)> MeasureAsync<T>(string name, Func<Task<T>> step)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var jit = JitInfo.GetCompilationTime();
        var methods = JitInfo.GetCompiledMethodCount();
        var pause = GC.GetTotalPauseDuration();
        var wall = Stopwatch.StartNew();
        var result = await step().ConfigureAwait(false);
        wall.Stop();
        process.Refresh();
        return (result, new StageTiming(
            name,
            wall.Elapsed,
            process.TotalProcessorTime - cpu,
            GC.GetTotalAllocatedBytes(precise: false) - allocated,
            JitInfo.GetCompilationTime() - jit,
            JitInfo.GetCompiledMethodCount() - methods,
            GC.GetTotalPauseDuration() - pause));
    }
}
