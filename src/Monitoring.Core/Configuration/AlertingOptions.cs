namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Alerting</c> section.</summary>
public sealed class AlertingOptions
{
    /// <summary>Alertmanager to push alerts to; absent means none.</summary>
    public AlertmanagerOptions Alertmanager { get; set; } = new();
}
