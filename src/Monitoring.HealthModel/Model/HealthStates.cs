using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Model;

/// <summary>Orders health states the way an operations manager rolls them up.</summary>
/// <remarks><see cref="HealthState"/> already runs Unknown, Healthy, Warning, Critical. Unknown (SCOM's
/// "uninitialized") has no opinion: it never makes a rollup better or worse while any member knows its
/// state, and a rollup is Unknown only when every member is.</remarks>
public static class HealthStates
{
    public static bool IsKnown(HealthState state) => state != HealthState.Unknown;

    public static bool IsWorse(HealthState state, HealthState than) => (int)state > (int)than;

    public static HealthState Worst(HealthState a, HealthState b) => (int)a >= (int)b ? a : b;

    public static HealthState WorstOf(IEnumerable<HealthState> states)
    {
        var worst = HealthState.Unknown;
        foreach (var state in states)
        {
            worst = Worst(worst, state);
        }

        return worst;
    }

    public static HealthState BestOf(IEnumerable<HealthState> states)
    {
        var best = HealthState.Unknown;
        foreach (var state in states)
        {
            if (IsKnown(state) && (best == HealthState.Unknown || (int)state < (int)best))
            {
                best = state;
            }
        }

        return best;
    }

    /// <summary>The lower-case name the contracts use: healthy, warning, critical, unknown.</summary>
    public static string ContractName(HealthState state) => state switch
    {
        HealthState.Healthy => "healthy",
        HealthState.Warning => "warning",
        HealthState.Critical => "critical",
        _ => "unknown",
    };
}
