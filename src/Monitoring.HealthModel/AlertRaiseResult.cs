using Monitoring.HealthModel.Alerts;

namespace Monitoring.HealthModel;

/// <summary>What came of a request to raise an alert.</summary>
/// <param name="Alert">The alert opened or repeated; null when it was held back.</param>
/// <param name="SuppressedBy">Why it was held back (the maintenance window), or null.</param>
public sealed record AlertRaiseResult(Alert? Alert, string? SuppressedBy);
