using Monitoring.HealthModel.Alerts;
using Monitoring.Remediation.Alerts;
using Monitoring.Service.Exports;
using Monitoring.Service.Exports.Alertmanager;

namespace Monitoring.Service.Remediation.Alerts;

/// <summary>One of our alerts as the alert rules see it: with the very labels we push to Alertmanager, so one rule
/// matches the alert whichever way it arrives.</summary>
internal static class OurAlertFacts
{
    public static AlertFacts Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = alert.Name,
            ["severity"] = AlertmanagerPayload.SeverityLabel(alert.Severity),
            ["source"] = AlertTips.OurSource,
            ["target"] = AlertTargets.Of(alert.ObjectId),
            ["object"] = alert.ObjectId,
        };
        return new AlertFacts(AlertConditionKeys.Ours(alert.ObjectId, alert.Name, alert.RaisedAt), alert.Name, labels, alert.Description);
    }
}
