namespace Monitoring.Remediation.Tips;

/// <summary>A condition found by a pass (the balancer, a monitor): becomes a tip, or refreshes the open
/// tip with the same <see cref="ConditionKey"/>.</summary>
/// <param name="ConditionKey">Stable across passes for the same condition, e.g. <c>balance/vc01/domain-c7/vc01/vm-42</c>.</param>
/// <param name="Source">The raiser, recorded as "by" in the history (e.g. <c>balancer</c>).</param>
/// <param name="Target">The inventory id the tip is about.</param>
/// <param name="HostGroup">The cluster or host group, when there is one.</param>
/// <param name="Action">The proposed fix.</param>
/// <param name="Summary">One line.</param>
/// <param name="Details">What was measured.</param>
/// <param name="Cause">Why it is a problem.</param>
/// <param name="ExpectedEffect">What the fix should bring.</param>
/// <param name="Priority">1 (most urgent) to 5.</param>
/// <param name="Severity">What automatic mode goes by.</param>
public sealed record TipCandidate(
    string ConditionKey,
    string Source,
    string Target,
    string? HostGroup,
    TipAction Action,
    string Summary,
    string Details,
    string Cause,
    string ExpectedEffect,
    int Priority,
    TipSeverity Severity = TipSeverity.Warning);
