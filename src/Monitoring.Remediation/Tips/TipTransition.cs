namespace Monitoring.Remediation.Tips;

/// <summary>One step of a tip's history: when, to what status, who or what did it, and why.</summary>
public sealed record TipTransition(DateTimeOffset At, TipStatus Status, string By, string? Note);
