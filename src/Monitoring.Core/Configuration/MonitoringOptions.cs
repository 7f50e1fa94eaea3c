namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring</c> section: the whole configuration of the product.</summary>
/// <remarks>Every key is documented in docs/configuration.md. An unknown key stops start-up, so a typo
/// never silently falls back to a default.</remarks>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Monitoring";

    /// <summary>Where inventory, health and performance are stored.</summary>
    public StorageOptions Storage { get; set; } = new();

    /// <summary>The service's HTTP listener (metrics, API, console).</summary>
    public HttpOptions Http { get; set; } = new();

    /// <summary>The systems to poll. None by default.</summary>
    public IList<TargetOptions> Targets { get; } = [];

    /// <summary>How often targets are polled.</summary>
    public ScheduleOptions Schedule { get; set; } = new();

    /// <summary>How long performance data is kept.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Where alerts go.</summary>
    public AlertingOptions Alerting { get; set; } = new();

    /// <summary>When a measure counts as a problem: the alert rules and health monitors read these.</summary>
    public ThresholdOptions Thresholds { get; set; } = new();

    /// <summary>Host groups, monitor overrides, maintenance windows and custom resolution states of the health model.</summary>
    public HealthOptions Health { get; set; } = new();

    /// <summary>OTLP export of the metrics (off unless an endpoint is configured).</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The PRO load balancer and its tips.</summary>
    public BalancerOptions Balancer { get; set; } = new();

    /// <summary>Acting on tips: automatic limits, alert rules, hooks.</summary>
    public RemediationOptions Remediation { get; set; } = new();
}
