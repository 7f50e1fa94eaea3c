namespace Monitoring.HealthModel;

/// <summary>Whether automatic remediation (a PRO tip implemented without an operator) may act on an object now.</summary>
/// <param name="Blocked">True when it must not.</param>
/// <param name="Reason">Why, for the tip's audit trail; null when not blocked.</param>
public sealed record RemediationGate(bool Blocked, string? Reason)
{
    public static RemediationGate Open { get; } = new(false, null);
}
