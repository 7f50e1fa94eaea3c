using Monitoring.Core.Model;
using Monitoring.HealthModel.Alerts;

namespace Monitoring.HealthModel.Settings;

/// <summary>Whether and how a monitor raises an alert.</summary>
/// <param name="AlertName">The alert's name (CamelCase with the <c>Virt</c> prefix, as the Prometheus rules).</param>
/// <param name="Priority">The alert's priority.</param>
/// <param name="RaiseAt">The least state that raises the alert: Warning (a warning alert that becomes critical
/// when the monitor does) or Critical (only critical states alert).</param>
/// <param name="AutoResolve">Close the alert when the monitor is healthy again (default true).</param>
public sealed record MonitorAlertSettings(
    string AlertName,
    AlertPriority Priority = AlertPriority.Normal,
    HealthState RaiseAt = HealthState.Warning,
    bool AutoResolve = true);
