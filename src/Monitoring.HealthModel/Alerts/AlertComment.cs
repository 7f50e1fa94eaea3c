namespace Monitoring.HealthModel.Alerts;

/// <summary>A comment on an alert; the alert's history is kept as comments too (who changed what, when).</summary>
public sealed record AlertComment(DateTimeOffset At, string Author, string Text);
