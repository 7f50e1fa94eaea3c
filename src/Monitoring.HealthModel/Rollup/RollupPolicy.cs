using Monitoring.Core.Model;
using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Rollup;

/// <summary>How the states of a group of members become one state (the operations manager's dependency monitor policies).</summary>
public abstract record RollupPolicy
{
    public static RollupPolicy WorstOf { get; } = new WorstOfPolicy();

    public static RollupPolicy BestOf { get; } = new BestOfPolicy();

    /// <summary>The worst state among the best <paramref name="percent"/> % of members: with 80, a host group is
    /// healthy while at least 80 % of its hosts are, whatever the rest are doing.</summary>
    public static RollupPolicy Percentage(double percent) => new PercentagePolicy(percent);

    /// <summary>Members with an unknown state are left out; the result is unknown only when every member is.</summary>
    public abstract HealthState Combine(IReadOnlyCollection<HealthState> members);

    private sealed record WorstOfPolicy : RollupPolicy
    {
        public override HealthState Combine(IReadOnlyCollection<HealthState> members) => HealthStates.WorstOf(members);

        public override string ToString() => "worst of";
    }

    private sealed record BestOfPolicy : RollupPolicy
    {
        public override HealthState Combine(IReadOnlyCollection<HealthState> members) => HealthStates.BestOf(members);

        public override string ToString() => "best of";
    }

    private sealed record PercentagePolicy : RollupPolicy
    {
        public PercentagePolicy(double percent)
        {
            if (!double.IsFinite(percent) || percent <= 0 || percent > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(percent), percent, "A rollup percentage must be more than 0 and at most 100.");
            }

            Percent = percent;
        }

        public double Percent { get; }

        public override HealthState Combine(IReadOnlyCollection<HealthState> members)
        {
            var known = members.Where(HealthStates.IsKnown).OrderBy(s => (int)s).ToList();
            if (known.Count == 0)
            {
                return HealthState.Unknown;
            }

            // Round up: 80 % of 4 hosts is 3.2, so the best 4 must be looked at (all of them).
            var take = Math.Max(1, (int)Math.Ceiling(known.Count * Percent / 100.0 - 1e-9));
            return known[take - 1];
        }

        public override string ToString() => $"{Percent:0.##} %";
    }
}
