namespace Monitoring.Core.Model;

/// <summary>A health state together with the reason the source gave for it.</summary>
/// <param name="State">The state.</param>
/// <param name="Reason">Why: the source's own words (for example "overallStatus yellow"), or null when healthy.</param>
public sealed record Health(HealthState State, string? Reason)
{
    public static Health Unknown(string reason) => new(HealthState.Unknown, reason);
}
