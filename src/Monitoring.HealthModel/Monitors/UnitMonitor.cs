using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>A unit monitor: one condition on one object, with a state that changes only through its inputs.</summary>
/// <remarks>Monitors hold no clock: every input carries its time, and the engine passes its
/// <see cref="TimeProvider"/>'s time to the ones that act on the passing of time (heartbeat, availability).</remarks>
public abstract class UnitMonitor
{
    protected UnitMonitor(string objectId, string name)
    {
        ObjectId = objectId;
        Name = name;
    }

    public string ObjectId { get; }

    /// <summary>The monitor's definition name (for example <c>host.cpu</c>).</summary>
    public string Name { get; }

    public HealthState State { get; private set; } = HealthState.Unknown;

    /// <summary>When the current state began; null while the monitor has never had an input.</summary>
    public DateTimeOffset? Since { get; private set; }

    /// <summary>Re-checks conditions that depend on time alone. Most monitors have none.</summary>
    public virtual MonitorTransition? Evaluate(DateTimeOffset now) => null;

    protected MonitorTransition? MoveTo(HealthState state, DateTimeOffset at, string cause)
    {
        if (state == State)
        {
            Since ??= at;
            return null;
        }

        var transition = new MonitorTransition(State, state, at, cause);
        State = state;
        Since = at;
        return transition;
    }
}
