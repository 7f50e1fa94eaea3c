namespace Monitoring.HealthModel.Alerts;

/// <summary>Alert severity. Ours <c>Critical</c> is the operations manager's <c>Error</c> and Alertmanager's <c>severity="critical"</c>.</summary>
public enum AlertSeverity
{
    Information,
    Warning,
    Critical,
}
