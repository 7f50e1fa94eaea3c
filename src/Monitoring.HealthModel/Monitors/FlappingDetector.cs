using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>Counts one monitor's recent state changes and says what health it should show.</summary>
public sealed class FlappingDetector
{
    private readonly FlappingSettings _settings;
    private readonly Queue<(DateTimeOffset At, HealthState State)> _changes = new();

    public FlappingDetector(FlappingSettings settings)
    {
        _settings = settings;
    }

    public bool IsFlapping { get; private set; }

    /// <summary>Notes a change and returns whether the monitor is flapping now.</summary>
    public bool Record(MonitorTransition transition)
    {
        _changes.Enqueue((transition.At, transition.To));
        return Update(transition.At);
    }

    /// <summary>Forgets changes that fell out of the window; returns whether the monitor is still flapping.</summary>
    public bool Update(DateTimeOffset now)
    {
        while (_changes.Count > 0 && now - _changes.Peek().At > _settings.EffectiveWindow)
        {
            _changes.Dequeue();
        }

        IsFlapping = _changes.Count >= _settings.MaxChanges;
        return IsFlapping;
    }

    /// <summary>The health to show: the current state, or while flapping the worst state reached in the window.</summary>
    public HealthState Shown(HealthState current) =>
        IsFlapping ? _changes.Aggregate(current, (worst, c) => (int)c.State > (int)worst ? c.State : worst) : current;
}
