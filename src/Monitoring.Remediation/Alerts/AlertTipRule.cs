using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Alerts;

/// <summary>A validated <c>Monitoring:Remediation:AlertRules</c> entry: the alerts it matches and the tip it raises.</summary>
/// <param name="Alert">The alert name (<c>alertname</c>) to match.</param>
/// <param name="Labels">Further labels the alert must carry, with these values.</param>
/// <param name="Action">The tip's action kind: <see cref="TipAction.EnterMaintenance"/>, <see cref="TipAction.PowerOn"/> or <see cref="TipAction.Hook"/>.</param>
/// <param name="Hook">The hook's name, for <see cref="TipAction.Hook"/>.</param>
/// <param name="TargetLabel">The label holding the tip's target (an inventory id).</param>
/// <param name="Severity">The tip's severity, or null for the alert's own.</param>
/// <param name="Summary">The summary template, or null for the default.</param>
/// <param name="Priority">1 (most urgent) to 5.</param>
public sealed record AlertTipRule(
    string Alert,
    IReadOnlyDictionary<string, string> Labels,
    string Action,
    string? Hook,
    string TargetLabel,
    TipSeverity? Severity,
    string? Summary,
    int Priority)
{
    public const string DefaultTargetLabel = "object";
    public const int DefaultPriority = 2;

    public bool Matches(string alertName, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return string.Equals(Alert, alertName, StringComparison.Ordinal)
            && Labels.All(l => labels.TryGetValue(l.Key, out var value) && string.Equals(value, l.Value, StringComparison.Ordinal));
    }
}
