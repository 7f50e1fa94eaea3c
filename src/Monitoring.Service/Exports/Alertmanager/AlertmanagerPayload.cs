using Monitoring.HealthModel.Alerts;

namespace Monitoring.Service.Exports.Alertmanager;

/// <summary>Maps our alerts to Alertmanager's: exactly the contract's labels, <c>summary</c> and <c>description</c>.</summary>
internal static class AlertmanagerPayload
{
    /// <summary>The value of the <c>source</c> label on every alert we push.</summary>
    public const string Source = "monitoring";

    /// <summary>The alert as firing: no <c>endsAt</c>, so Alertmanager keeps it until it is resolved or stops being re-sent.</summary>
    public static PostableAlert Firing(Alert alert) => Map(alert, endsAt: null);

    /// <summary>The alert as resolved at <paramref name="endsAt"/>.</summary>
    public static PostableAlert Resolved(Alert alert, DateTimeOffset endsAt) => Map(alert, endsAt);

    /// <summary>The contract's severity words: ours Critical, Warning, Information are critical, warning, info.</summary>
    public static string SeverityLabel(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => "critical",
        AlertSeverity.Warning => "warning",
        _ => "info",
    };

    private static PostableAlert Map(Alert alert, DateTimeOffset? endsAt)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = alert.Name,
            ["severity"] = SeverityLabel(alert.Severity),
            ["source"] = Source,
            ["target"] = AlertTargets.Of(alert.ObjectId),
            ["object"] = alert.ObjectId,
        };
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = $"{alert.Name} on {alert.ObjectId}",
            ["description"] = alert.Description,
        };

        // An end before the start would be refused by Alertmanager (a clock step, a hand-edited row): end it at its start.
        var end = endsAt is { } e && e < alert.RaisedAt ? alert.RaisedAt : endsAt;
        return new PostableAlert(labels, annotations, alert.RaisedAt, end);
    }
}
