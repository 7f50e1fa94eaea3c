using System.Text.RegularExpressions;
using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Alerts;

/// <summary>Turns an alert into a tip candidate by the first rule that matches it.</summary>
public sealed partial class AlertTipMapper
{
    private readonly IReadOnlyList<AlertTipRule> _rules;

    public AlertTipMapper(IReadOnlyList<AlertTipRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    public bool HasRules => _rules.Count > 0;

    /// <param name="alert">The alert.</param>
    /// <param name="source">Who raises the tip, for its history (<c>alertmanager</c>, <c>alert rule</c>).</param>
    /// <param name="hostGroupOf">The host group (cluster) an inventory object belongs to, or null; automatic mode goes by it.</param>
    /// <param name="whyNot">Why no candidate came (no rule matches, no target label), or null.</param>
    /// <returns>The candidate, or null.</returns>
    public TipCandidate? Map(AlertFacts alert, string source, Func<string, string?> hostGroupOf, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(hostGroupOf);
        var rule = _rules.FirstOrDefault(r => r.Matches(alert.Name, alert.Labels));
        if (rule is null)
        {
            whyNot = $"no rule under Monitoring:Remediation:AlertRules matches alert {alert.Name}";
            return null;
        }

        if (!alert.Labels.TryGetValue(rule.TargetLabel, out var target) || string.IsNullOrWhiteSpace(target))
        {
            whyNot = $"alert {alert.Name} has no {rule.TargetLabel} label to name the tip's target";
            return null;
        }

        whyNot = null;
        var action = rule.Action switch
        {
            TipAction.EnterMaintenance => TipAction.HostMaintenance(target),
            TipAction.PowerOn => TipAction.StartVm(target),
            _ => TipAction.RunHook(rule.Hook!),
        };
        var summary = rule.Summary is null ? DefaultSummary(rule, target, alert.Name) : Fill(rule.Summary, alert, target);
        var details = string.IsNullOrWhiteSpace(alert.Description)
            ? $"Alert {alert.Name} on {target}."
            : $"Alert {alert.Name} on {target}: {alert.Description}";
        var effect = rule.Action switch
        {
            TipAction.EnterMaintenance => $"{target} takes no more load; its VMs can be moved off it.",
            TipAction.PowerOn => $"{target} runs again.",
            _ => $"The operator's hook {rule.Hook} handles the alert.",
        };
        return new TipCandidate(
            alert.ConditionKey,
            source,
            target,
            hostGroupOf(target),
            action,
            summary,
            details,
            $"Alert {alert.Name} fired ({Describe(alert.Labels)}).",
            effect,
            rule.Priority,
            rule.Severity ?? alert.Severity ?? TipSeverity.Warning);
    }

    private static string DefaultSummary(AlertTipRule rule, string target, string alertName) => rule.Action switch
    {
        TipAction.EnterMaintenance => $"Put {target} in maintenance: {alertName}",
        TipAction.PowerOn => $"Start {target}: {alertName}",
        _ => $"Run hook {rule.Hook} for {target}: {alertName}",
    };

    /// <summary>Fills <c>{alertname}</c>, <c>{target}</c> and <c>{label:NAME}</c> (empty when the label is missing).</summary>
    private static string Fill(string template, AlertFacts alert, string target) =>
        Placeholder().Replace(template, m => m.Groups["label"].Success
            ? alert.Labels.GetValueOrDefault(m.Groups["label"].Value, string.Empty)
            : m.Groups["word"].Value == "alertname" ? alert.Name : target);

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        string.Join(", ", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    [GeneratedRegex(@"\{(?:label:(?<label>[^}]+)|(?<word>alertname|target))\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
