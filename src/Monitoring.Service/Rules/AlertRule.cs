namespace Monitoring.Service.Rules;

/// <summary>A Prometheus alerting rule.</summary>
/// <param name="Name">CamelCase with the prefix <c>Virt</c> (the contract's alert names).</param>
/// <param name="Expression">The PromQL condition.</param>
/// <param name="For">How long the condition must hold before the alert fires (zero: at once).</param>
/// <param name="Severity"><c>critical</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Summary">One line for a notification's title (may use <c>$labels</c> and <c>$value</c>).</param>
/// <param name="Description">What is wrong and how bad, for the notification's body.</param>
/// <param name="Runbook">The runbook page's file name under docs/runbooks/.</param>
internal sealed record AlertRule(string Name, string Expression, TimeSpan For, string Severity, string Summary, string Description, string Runbook);
