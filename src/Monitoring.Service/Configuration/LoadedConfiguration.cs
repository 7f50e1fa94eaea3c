using Monitoring.Core.Collection;
using Monitoring.Core.Configuration;
using Monitoring.Service.Scheduling;
using Monitoring.Storage;

namespace Monitoring.Service.Configuration;

/// <summary>A validated configuration, ready to use.</summary>
/// <param name="Options">The bound options.</param>
/// <param name="Targets">The targets, validated and with their secrets resolved.</param>
/// <param name="BaseDirectory">Where relative paths resolve: the config file's folder, or the working folder.</param>
/// <param name="Source">The config file's full path, or null when there is none.</param>
/// <param name="Schedule">The validated polling schedule.</param>
/// <param name="Retention">The validated retention of performance data.</param>
internal sealed record LoadedConfiguration(
    MonitoringOptions Options,
    IReadOnlyList<TargetDefinition> Targets,
    string BaseDirectory,
    string? Source,
    ScheduleSettings Schedule,
    RetentionPolicy Retention)
{
    /// <summary>The validated thresholds (<c>Monitoring:Thresholds</c>).</summary>
    public Thresholds Thresholds { get; init; } = Thresholds.Default;

    /// <summary>The validated health model settings (<c>Monitoring:Health</c>, monitors from <c>Monitoring:Thresholds</c>).</summary>
    public HealthHosting.HealthConfiguration Health { get; init; } = Monitoring.Service.HealthHosting.HealthConfiguration.Default;
    /// <summary>The validated PRO balancer settings (<c>Monitoring:Balancer</c>).</summary>
    public global::Monitoring.Remediation.Configuration.BalancerConfiguration Balancer { get; init; } = global::Monitoring.Remediation.Configuration.BalancerConfiguration.Default;

    /// <summary>The validated limits of automatic mode (<c>Monitoring:Remediation:Automatic</c>).</summary>
    public global::Monitoring.Remediation.Configuration.AutomaticLimits AutomaticLimits { get; init; } = global::Monitoring.Remediation.Configuration.AutomaticLimits.Default;

    /// <summary>The validated rules that turn alerts into tips (<c>Monitoring:Remediation:AlertRules</c>).</summary>
    public IReadOnlyList<global::Monitoring.Remediation.Alerts.AlertTipRule> AlertTipRules { get; init; } = [];

    /// <summary>The validated OTLP export settings (<c>Monitoring:Otlp</c> and the standard variables).</summary>
    public Otlp.OtlpSettings Otlp { get; init; } = new(false, null, null, TimeSpan.FromSeconds(OtlpOptions.DefaultExportIntervalSeconds));

    /// <summary>The validated alert exports (<c>Monitoring:Alerting:Alertmanager</c> and <c>:Webhooks</c>).</summary>
    public Exports.AlertExportSettings AlertExports { get; init; } = Exports.AlertExportSettings.None;

    /// <summary>The validated operator hooks (<c>Monitoring:Remediation:Hooks</c>).</summary>
    public Remediation.Hooks.HookCatalog Hooks { get; init; } = Remediation.Hooks.HookCatalog.Empty;
}
