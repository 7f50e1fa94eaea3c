namespace Monitoring.HealthModel.Monitors;

/// <summary>How often something must report in, and how many reports may be missed.</summary>
/// <param name="Interval">The expected time between beats.</param>
/// <param name="MissedBeats">Beats that may be missed before the monitor turns critical (default 3, as the
/// operations manager's agent heartbeat).</param>
public sealed record HeartbeatSettings(TimeSpan Interval, int MissedBeats = HeartbeatSettings.DefaultMissedBeats)
{
    public const int DefaultMissedBeats = 3;

    public TimeSpan Allowed => Interval * MissedBeats;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Interval <= TimeSpan.Zero)
        {
            problems.Add($"heartbeat interval {Interval.TotalSeconds} s must be more than zero");
        }

        if (MissedBeats < 1)
        {
            problems.Add($"missed beats {MissedBeats} must be 1 or more");
        }

        return problems;
    }
}
