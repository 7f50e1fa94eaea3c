using System.Globalization;
using System.Runtime;
using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>Prints the two phases side by side, with the ratio and the ticket's goal.</summary>
internal static class Report
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>The ticket's goal: ours within 1.5x of the floor, under 10 s and under 400 MB.</summary>
    internal const double GoalRatio = 1.5;
    private const double GoalSeconds = 10;
    private const double GoalMegabytes = 400;

    public static string Format(string title, PhaseResult oneByOne, PhaseResult inFlight, PhaseResult ours, IReadOnlyList<StageTiming> stages, int queryPerfInFlight)
    {
        var text = new StringBuilder();
        void Line(string format, params object[] args) => text.AppendLine(string.Format(CultureInfo.InvariantCulture, format, args));
        var floor = oneByOne.Wall <= inFlight.Wall ? oneByOne : inFlight;
        PhaseResult[] phases = [oneByOne, inFlight, ours];

        Line("== {0}", title);
        Line("machine: {0} CPUs, .NET {1}, {2} GC{3}, dynamic PGO {4}, ours {5}", Environment.ProcessorCount, Environment.Version, GCSettings.IsServerGC ? "server" : "workstation", GCSettings.LatencyMode == GCLatencyMode.Interactive ? " (concurrent)" : string.Empty, AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) && !pgo ? "off" : "on", RuntimeSettings.IsPrecompiled() ? "precompiled (ReadyToRun)" : "NOT precompiled (JIT only)");
        Line("raw floor: the same bodies by a bare HttpClient, QueryPerf one at a time (A) and {0} at once as ours sends them (B); ours/floor uses the faster", queryPerfInFlight);
        Line(string.Empty);
        Line("{0,-34} {1,12} {2,12} {3,12} {4,10}", string.Empty, "floor (A)", "floor (B)", "ours", "ours/floor");
        Row("wall time (s)", p => p.Wall.TotalSeconds, "0.00", ratio: true);
        Row("CPU time, this process (s)", p => p.Cpu.TotalSeconds, "0.00", ratio: true);
        Row("CPU time, simulator (s)", p => p.SimulatorCpu.TotalSeconds, "0.00", ratio: true);
        Row("peak RSS, VmHWM (MB)", p => p.PeakRss / Megabyte, "0.0", ratio: true);
        Row("RSS at phase start (MB)", p => p.RssAtStart / Megabyte, "0.0", ratio: false);
        Row("managed allocations (MB)", p => p.Allocated / Megabyte, "0.0", ratio: false);
        Row("peak managed heap after a GC (MB)", p => p.PeakHeap / Megabyte, "0.0", ratio: false);
        Line("{0,-34} {1,12} {2,12} {3,12}", "GCs gen0 / gen2", $"{oneByOne.Gen0} / {oneByOne.Gen2}", $"{inFlight.Gen0} / {inFlight.Gen2}", $"{ours.Gen0} / {ours.Gen2}");
        Line("{0,-34} {1,12:0.0} {2,12:0.0}", "reply bytes read (MB)", oneByOne.ReplyBytes / Megabyte, inFlight.ReplyBytes / Megabyte);
        Line("{0,-34} {1,12:0.0} {2,12:0.0} {3,12:0.0}", "machine load average at start", oneByOne.LoadAtStart, inFlight.LoadAtStart, ours.LoadAtStart);
        Line("peak RSS was {0}", phases.All(p => p.PeakWasReset)
            ? "reset at each phase's start (/proc/self/clear_refs), after a full GC: each peak is that phase's own"
            : "NOT reset between phases (clear_refs refused): later peaks include earlier ones");
        Line(string.Empty);

        Line("ours, step by step:");
        Line("  {0,-34} {1,8} {2,8} {3,10} {4,8} {5,8} {6,10}", "step", "wall s", "CPU s", "alloc MB", "JIT s", "JIT'd", "GC pause s");
        foreach (var stage in stages)
        {
            Line("  {0,-34} {1,8:0.00} {2,8:0.00} {3,10:0.0} {4,8:0.00} {5,8} {6,10:0.00}", stage.Name, stage.Wall.TotalSeconds, stage.Cpu.TotalSeconds, stage.Allocated / Megabyte, stage.Jit.TotalSeconds, stage.JitMethods, stage.GcPause.TotalSeconds);
        }

        Line(string.Empty);
        Line("SOAP requests per method:");
        Line("  {0,-30} {1,10} {2,10} {3,10}", "method", "floor (A)", "floor (B)", "ours");
        foreach (var method in phases.SelectMany(p => p.Requests.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var counts = phases.Select(p => p.Requests.GetValueOrDefault(method)).ToArray();
            Line("  {0,-30} {1,10} {2,10} {3,10}{4}", method, counts[0], counts[1], counts[2], counts.Distinct().Count() == 1 ? string.Empty : "   MISMATCH");
        }

        Line("  {0,-30} {1,10} {2,10} {3,10}", "total", oneByOne.Requests.Values.Sum(), inFlight.Requests.Values.Sum(), ours.Requests.Values.Sum());
        Line(string.Empty);

        var ratio = ours.Wall.TotalSeconds / floor.Wall.TotalSeconds;
        var seconds = ours.Wall.TotalSeconds;
        var megabytes = ours.PeakRss / Megabyte;
        Line("goal: ours <= {0}x floor wall time: {1:0.00}x {2}; < {3} s: {4:0.00} s {5}; < {6} MB peak RSS: {7:0} MB {8}",
            GoalRatio, ratio, Verdict(ratio <= GoalRatio), GoalSeconds, seconds, Verdict(seconds < GoalSeconds), GoalMegabytes, megabytes, Verdict(megabytes < GoalMegabytes));
        return text.ToString();

        void Row(string label, Func<PhaseResult, double> value, string format, bool ratio) =>
            Line(
                "{0,-34} {1,12} {2,12} {3,12} {4,10}",
                label,
                value(oneByOne).ToString(format, CultureInfo.InvariantCulture),
                value(inFlight).ToString(format, CultureInfo.InvariantCulture),
                value(ours).ToString(format, CultureInfo.InvariantCulture),
                ratio && value(floor) > 0 ? (value(ours) / value(floor)).ToString("0.00", CultureInfo.InvariantCulture) + "x" : string.Empty);
    }

    public static bool RequestsMatch(PhaseResult floor, PhaseResult ours) =>
        floor.Requests.Count == ours.Requests.Count && floor.Requests.All(kv => ours.Requests.GetValueOrDefault(kv.Key) == kv.Value);

    private static string Verdict(bool met) => met ? "(met)" : "(NOT met)";
}
