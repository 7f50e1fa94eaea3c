using System.Globalization;
using System.Runtime;
using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>Prints the two phases side by side, with the ratio and the ticket's goal.</summary>
internal static class Report
{
    private const double Megabyte = 1024 * 1024;

    /// <summary>The ticket's goal: ours within 1.5x of the floor, under 10 s and under 400 MB.</summary>
    private const double GoalRatio = 1.5;
    private const double GoalSeconds = 10;
    private const double GoalMegabytes = 400;

    public static string Format(PhaseResult floor, PhaseResult ours, IReadOnlyList<StageTiming> stages, string stored, string model, int queryPerfInFlight)
    {
        var text = new StringBuilder();
        void Line(string format, params object[] args) => text.AppendLine(string.Format(CultureInfo.InvariantCulture, format, args));

        Line("simulator model: {0}", model);
        Line("machine: {0} CPUs, .NET {1}, {2} GC{3}, dynamic PGO {4}; QueryPerf batches in flight: {5}", Environment.ProcessorCount, Environment.Version, GCSettings.IsServerGC ? "server" : "workstation", GCSettings.LatencyMode == GCLatencyMode.Interactive ? " (concurrent)" : string.Empty, AppContext.TryGetSwitch("System.Runtime.TieredPGO", out var pgo) && !pgo ? "off" : "on", queryPerfInFlight);
        Line(string.Empty);
        Line("{0,-34} {1,14} {2,14} {3,10}", string.Empty, "raw floor", "ours", "ours/floor");
        Row(text, "wall time (s)", floor.Wall.TotalSeconds, ours.Wall.TotalSeconds, "0.00");
        Row(text, "CPU time, this process (s)", floor.Cpu.TotalSeconds, ours.Cpu.TotalSeconds, "0.00");
        Row(text, "CPU time, simulator (s)", floor.SimulatorCpu.TotalSeconds, ours.SimulatorCpu.TotalSeconds, "0.00");
        Row(text, "peak RSS, VmHWM (MB)", floor.PeakRss / Megabyte, ours.PeakRss / Megabyte, "0.0");
        Row(text, "RSS at phase start (MB)", floor.RssAtStart / Megabyte, ours.RssAtStart / Megabyte, "0.0");
        Row(text, "managed allocations (MB)", floor.Allocated / Megabyte, ours.Allocated / Megabyte, "0.0");
        Row(text, "peak managed heap after a GC (MB)", floor.PeakHeap / Megabyte, ours.PeakHeap / Megabyte, "0.0");
        Line("{0,-34} {1,14} {2,14}", "GCs gen0 / gen2", $"{floor.Gen0} / {floor.Gen2}", $"{ours.Gen0} / {ours.Gen2}");
        Line("{0,-34} {1,14:0.0}", "reply bytes read (MB)", floor.ReplyBytes / Megabyte);
        Line("{0,-34} {1,14:0.0} {2,14:0.0}", "machine load average at start", floor.LoadAtStart, ours.LoadAtStart);
        Line("peak RSS was {0}", floor.PeakWasReset && ours.PeakWasReset
            ? "reset at each phase's start (/proc/self/clear_refs), after a full GC: each peak is that phase's own"
            : "NOT reset between phases (clear_refs refused): ours' peak includes the floor's");
        Line(string.Empty);

        Line("ours, step by step:");
        Line("  {0,-34} {1,8} {2,8} {3,12}", "step", "wall s", "CPU s", "alloc MB");
        foreach (var stage in stages)
        {
            Line("  {0,-34} {1,8:0.00} {2,8:0.00} {3,12:0.0}", stage.Name, stage.Wall.TotalSeconds, stage.Cpu.TotalSeconds, stage.Allocated / Megabyte);
        }

        Line("  stored: {0}", stored);
        Line(string.Empty);
        Line("SOAP requests per method:");
        Line("  {0,-30} {1,10} {2,10}", "method", "raw floor", "ours");
        foreach (var method in floor.Requests.Keys.Union(ours.Requests.Keys).Order(StringComparer.Ordinal))
        {
            var f = floor.Requests.GetValueOrDefault(method);
            var o = ours.Requests.GetValueOrDefault(method);
            Line("  {0,-30} {1,10} {2,10}{3}", method, f, o, f == o ? string.Empty : "   MISMATCH");
        }

        Line("  {0,-30} {1,10} {2,10}", "total", floor.Requests.Values.Sum(), ours.Requests.Values.Sum());
        Line(string.Empty);

        var ratio = ours.Wall.TotalSeconds / floor.Wall.TotalSeconds;
        var seconds = ours.Wall.TotalSeconds;
        var megabytes = ours.PeakRss / Megabyte;
        Line("goal: ours <= {0}x floor wall time: {1:0.00}x {2}; < {3} s: {4:0.00} s {5}; < {6} MB peak RSS: {7:0} MB {8}",
            GoalRatio, ratio, Verdict(ratio <= GoalRatio), GoalSeconds, seconds, Verdict(seconds < GoalSeconds), GoalMegabytes, megabytes, Verdict(megabytes < GoalMegabytes));
        return text.ToString();
    }

    public static bool RequestsMatch(PhaseResult floor, PhaseResult ours) =>
        floor.Requests.Count == ours.Requests.Count && floor.Requests.All(kv => ours.Requests.GetValueOrDefault(kv.Key) == kv.Value);

    private static void Row(StringBuilder text, string label, double floor, double ours, string format) =>
        text.AppendLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0,-34} {1,14} {2,14} {3,10}",
            label,
            floor.ToString(format, CultureInfo.InvariantCulture),
            ours.ToString(format, CultureInfo.InvariantCulture),
            floor > 0 ? (ours / floor).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-"));

    private static string Verdict(bool met) => met ? "(met)" : "(NOT met)";
}
