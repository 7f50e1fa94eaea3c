using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>Has the object reported in lately? Critical when no beat came for
/// <see cref="HeartbeatSettings.MissedBeats"/> intervals (counted from creation when none ever came).</summary>
public sealed class HeartbeatMonitor : UnitMonitor
{
    private readonly DateTimeOffset _created;
    private DateTimeOffset? _lastBeat;

    public HeartbeatMonitor(string objectId, string name, HeartbeatSettings settings, DateTimeOffset created)
        : base(objectId, name)
    {
        Settings = settings;
        _created = created;
    }

    public HeartbeatSettings Settings { get; set; }

    public MonitorTransition? Beat(DateTimeOffset at)
    {
        _lastBeat = at;
        return MoveTo(HealthState.Healthy, at, "heartbeat received");
    }

    public override MonitorTransition? Evaluate(DateTimeOffset now)
    {
        var from = _lastBeat ?? _created;
        if (now - from <= Settings.Allowed)
        {
            return null;
        }

        var since = _lastBeat is { } beat ? $"since {beat:u}" : "since monitoring began";
        return MoveTo(HealthState.Critical, now,
            $"no heartbeat {since}: {Settings.MissedBeats} beats of {Settings.Interval.TotalSeconds:0} s missed");
    }
}
