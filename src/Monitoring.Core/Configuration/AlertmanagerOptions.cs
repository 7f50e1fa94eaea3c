namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Alerting:Alertmanager</c> section.</summary>
public sealed class AlertmanagerOptions
{
    /// <summary>Alertmanager's base URL, e.g. <c>http://127.0.0.1:9093</c>. Null: alerts are not pushed.</summary>
    public string? Url { get; set; }
}
