namespace Monitoring.Remediation.Balancing;

/// <summary>The outcome of one pass over one cluster: the moves, in the order they were chosen.</summary>
public sealed record BalancePlan(string ClusterId, double ImbalanceBefore, double ImbalanceAfter, IReadOnlyList<PlannedMove> Moves);
