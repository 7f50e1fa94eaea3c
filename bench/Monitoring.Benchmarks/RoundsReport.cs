using System.Globalization;
using System.Text;

namespace Monitoring.Benchmarks;

/// <summary>Prints the later-pass rounds: each round's floor and ours side by side, and the median ratio.</summary>
/// <remarks>One floor and one ours are one sample each, and the simulator's own time for the same requests
/// varies by 10 to 45 % from one phase to the next; the median of rounds that alternate which side goes first
/// is the steadier figure for a running service.</remarks>
internal static class RoundsReport
{
    public static string Format(IReadOnlyList<LaterRound> rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var text = new StringBuilder();
        void Line(string format, params object[] args) => text.AppendLine(string.Format(CultureInfo.InvariantCulture, format, args));

        Line("== LATER PASSES: {0} more rounds on the same process and session, each the next pass's requests by the floor (A, B) and ours' next pass, alternating which side goes first", rounds.Count);
        Line("peak memory is not compared here: the floor's prebuilt bodies stay loaded beside ours in these rounds");
        Line(string.Empty);
        Line("  {0,-6} {1,10} {2,10} {3,10} {4,12} {5,12} {6,18} {7,18}", "round", "floor (A)", "floor (B)", "ours", "ours/floor", "ours CPU s", "sim CPU s, floor", "sim CPU s, ours");
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            Line("  {0,-6} {1,10:0.00} {2,10:0.00} {3,10:0.00} {4,11:0.00}x {5,12:0.00} {6,18:0.00} {7,18:0.00}", i + 1, round.OneByOne.Wall.TotalSeconds, round.InFlight.Wall.TotalSeconds, round.Ours.Wall.TotalSeconds, round.Ratio, round.Ours.Cpu.TotalSeconds, round.Floor.SimulatorCpu.TotalSeconds, round.Ours.SimulatorCpu.TotalSeconds);
        }

        if (rounds.Count > 0)
        {
            var ratios = rounds.Select(r => r.Ratio).Order().ToList();
            var median = Median(ratios);
            Line(string.Empty);
            Line("ours/floor over the rounds: median {0:0.00}x, lowest {1:0.00}x, highest {2:0.00}x; ours' wall time median {3:0.00} s, the faster floor's median {4:0.00} s",
                median, ratios[0], ratios[^1], Median([.. rounds.Select(r => r.Ours.Wall.TotalSeconds).Order()]), Median([.. rounds.Select(r => r.Floor.Wall.TotalSeconds).Order()]));
            Line("goal: ours <= {0}x floor wall time, by the median of the rounds: {1:0.00}x {2}", Report.GoalRatio, median, median <= Report.GoalRatio ? "(met)" : "(NOT met)");
        }

        return text.ToString();
    }

    /// <summary>The middle of sorted values, or the mean of the middle two.</summary>
    internal static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
