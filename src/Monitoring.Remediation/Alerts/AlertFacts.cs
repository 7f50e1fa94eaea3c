using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Alerts;

/// <summary>An alert as the rules see it, whoever raised it: its name, its labels (ours carry the labels we push
/// to Alertmanager: <c>alertname</c>, <c>severity</c>, <c>source</c>, <c>target</c>, <c>object</c>), its text and
/// the condition key of the tip it may raise.</summary>
/// <param name="ConditionKey">One occurrence of the alert (see <see cref="AlertConditionKeys"/>).</param>
/// <param name="Name">The alert name.</param>
/// <param name="Labels">Every label, <c>alertname</c> included.</param>
/// <param name="Description">What the alert says, for the tip's details.</param>
public sealed record AlertFacts(string ConditionKey, string Name, IReadOnlyDictionary<string, string> Labels, string Description)
{
    /// <summary>The severity the <c>severity</c> label gives (critical, warning, info), or null.</summary>
    public TipSeverity? Severity => Labels.GetValueOrDefault("severity")?.ToLowerInvariant() switch
    {
        "critical" => TipSeverity.Critical,
        "warning" => TipSeverity.Warning,
        "info" or "information" => TipSeverity.Information,
        _ => null,
    };
}
