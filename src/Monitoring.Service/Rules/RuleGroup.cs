namespace Monitoring.Service.Rules;

/// <summary>A rule group: Prometheus evaluates a group's rules in order, so a recording rule may use
/// one recorded above it in the same group.</summary>
internal sealed record RuleGroup(string Name, IReadOnlyList<RecordingRule> Records, IReadOnlyList<AlertRule> Alerts);
