using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Rollup;

/// <summary>An object's health after rollup, and the one thing that made it so.</summary>
/// <param name="State">The rolled-up state.</param>
/// <param name="Own">The worst of the object's own unit monitors.</param>
/// <param name="Cause">What decided the state: a monitor of the object, or a member group and its policy.</param>
public sealed record RolledHealth(HealthState State, HealthState Own, string Cause);
