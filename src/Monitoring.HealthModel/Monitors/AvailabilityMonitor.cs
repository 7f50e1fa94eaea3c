using Monitoring.Core.Collection;
using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>Is the target answering? Critical once its polls have failed for <see cref="AvailabilitySettings.CriticalAfter"/>,
/// healthy again at the first poll that succeeds.</summary>
public sealed class AvailabilityMonitor : UnitMonitor
{
    private DateTimeOffset? _failingSince;
    private string _lastReason = string.Empty;

    public AvailabilityMonitor(string objectId, string name, AvailabilitySettings settings)
        : base(objectId, name)
    {
        Settings = settings;
    }

    public AvailabilitySettings Settings { get; set; }

    public MonitorTransition? PollSucceeded(DateTimeOffset at)
    {
        _failingSince = null;
        return MoveTo(HealthState.Healthy, at, "the target answered");
    }

    public MonitorTransition? PollFailed(FailureKind kind, string reason, DateTimeOffset at)
    {
        _failingSince ??= at;
        _lastReason = $"{kind.ToString().ToLowerInvariant()}: {reason}";
        return Evaluate(at);
    }

    public override MonitorTransition? Evaluate(DateTimeOffset now)
    {
        if (_failingSince is not { } since || now - since < Settings.CriticalAfter)
        {
            return null;
        }

        return MoveTo(HealthState.Critical, now, $"the target has not answered since {since:u} ({_lastReason})");
    }
}
