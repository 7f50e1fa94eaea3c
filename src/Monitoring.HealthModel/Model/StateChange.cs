using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Model;

/// <summary>One change of health, as kept in the state history.</summary>
/// <param name="ObjectId">The object whose health changed.</param>
/// <param name="Monitor">The unit monitor that changed, or null for the object's rolled-up health.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="At">When (from the engine's clock).</param>
/// <param name="Cause">Why, in words an operator reads: the sample and the threshold, the failure, the member that changed.</param>
/// <param name="InMaintenance">True when the object was in a maintenance window: the change is recorded, no alert follows.</param>
/// <param name="Flapping">True when the monitor was flapping: the change is recorded, the object's shown health holds.</param>
public sealed record StateChange(
    string ObjectId,
    string? Monitor,
    HealthState From,
    HealthState To,
    DateTimeOffset At,
    string Cause,
    bool InMaintenance,
    bool Flapping);
