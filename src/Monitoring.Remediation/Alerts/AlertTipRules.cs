using Monitoring.Core.Configuration;
using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Alerts;

/// <summary>Validates <c>Monitoring:Remediation:AlertRules</c>: each problem names its key and what is allowed.</summary>
public static class AlertTipRules
{
    private const string Key = "Monitoring:Remediation:AlertRules";
    private static readonly string[] s_actions = [TipAction.EnterMaintenance, TipAction.PowerOn, TipAction.Hook];

    public static IReadOnlyList<AlertTipRule> From(IList<AlertTipRuleOptions> options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var rules = new List<AlertTipRule>();
        for (var i = 0; i < options.Count; i++)
        {
            var rule = options[i];
            var at = $"{Key}:{i}";
            var before = problems.Count;
            if (string.IsNullOrWhiteSpace(rule.Alert))
            {
                problems.Add($"{at}:Alert: required; the alert name to match (ours, e.g. VirtTargetUnreachable, or Alertmanager's alertname label)");
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var j = 0; j < rule.Labels.Count; j++)
            {
                var text = rule.Labels[j] ?? string.Empty;
                var equals = text.IndexOf('=', StringComparison.Ordinal);
                var name = equals > 0 ? text[..equals].Trim() : string.Empty;
                if (name.Length == 0)
                {
                    problems.Add($"{at}:Labels:{j}: \"{text}\" is not allowed; write name=value, e.g. severity=critical");
                }
                else if (!labels.TryAdd(name, text[(equals + 1)..].Trim()))
                {
                    problems.Add($"{at}:Labels:{j}: the label {name} is listed twice; each label once");
                }
            }

            var action = s_actions.FirstOrDefault(a => string.Equals(a, rule.Action, StringComparison.OrdinalIgnoreCase));
            if (action is null)
            {
                problems.Add($"{at}:Action: \"{rule.Action}\" is not allowed; use enterMaintenance (the target is a host), powerOn (a VM) or hook (with Hook); migrations come from the balancer");
            }

            if (action == TipAction.Hook && string.IsNullOrWhiteSpace(rule.Hook))
            {
                problems.Add($"{at}:Hook: required with Action hook; the name of a hook under Monitoring:Remediation:Hooks");
            }
            else if (action is not null && action != TipAction.Hook && rule.Hook is not null)
            {
                problems.Add($"{at}:Hook: only allowed with Action hook (this rule's action is {action})");
            }

            TipSeverity? severity = null;
            if (rule.Severity is not null)
            {
                if (Enum.TryParse<TipSeverity>(rule.Severity, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(rule.Severity, out _))
                {
                    severity = parsed;
                }
                else
                {
                    problems.Add($"{at}:Severity: \"{rule.Severity}\" is not allowed; use Critical, Warning or Information (default: the alert's own)");
                }
            }

            if (rule.TargetLabel is not null && string.IsNullOrWhiteSpace(rule.TargetLabel))
            {
                problems.Add($"{at}:TargetLabel: must name a label (default {AlertTipRule.DefaultTargetLabel})");
            }

            var priority = rule.Priority ?? AlertTipRule.DefaultPriority;
            if (priority is < 1 or > 5)
            {
                problems.Add($"{at}:Priority: {priority} is out of range; allowed 1 (most urgent) to 5 (default {AlertTipRule.DefaultPriority})");
            }

            if (problems.Count == before)
            {
                rules.Add(new AlertTipRule(rule.Alert!, labels, action!, rule.Hook, rule.TargetLabel ?? AlertTipRule.DefaultTargetLabel, severity, rule.Summary, priority));
            }
        }

        return rules;
    }
}
