using System.Globalization;
using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Balancing;

/// <summary>Turns a balancing plan into tip candidates: one per proposed move.</summary>
/// <remarks>The condition key is the cluster and the VM (<c>balance/CLUSTER/VM</c>), not the destination:
/// a later pass that would send the same VM elsewhere refreshes the same tip instead of raising a second.</remarks>
public static class BalancerTips
{
    public const string Source = "balancer";

    /// <summary>The condition-key prefix of a cluster: the scope of one pass's reconciliation.</summary>
    public static string Scope(string clusterId) => $"balance/{clusterId}/";

    /// <summary>Priority 1-2 is Critical, 3-4 Warning, 5 Information: automatic mode set to
    /// "Critical only" then moves VMs only for the worst imbalances.</summary>
    public static TipSeverity SeverityOf(int priority) => priority switch
    {
        <= 2 => TipSeverity.Critical,
        <= 4 => TipSeverity.Warning,
        _ => TipSeverity.Information,
    };

    public static IReadOnlyList<TipCandidate> From(BalancePlan plan, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(nameOf);
        return [.. plan.Moves.Select(move => new TipCandidate(
            Scope(plan.ClusterId) + move.VmId,
            Source,
            move.VmId,
            plan.ClusterId,
            TipAction.Migration(move.VmId, move.FromHostId, move.ToHostId),
            $"Migrate {nameOf(move.VmId)} from {nameOf(move.FromHostId)} to {nameOf(move.ToHostId)} to balance {nameOf(plan.ClusterId)}",
            string.Create(CultureInfo.InvariantCulture, $"Cluster imbalance (standard deviation of host loads, CPU and memory) {plan.ImbalanceBefore:F3}; after this move {move.ImbalanceAfter:F3}; after the whole plan {plan.ImbalanceAfter:F3}."),
            $"Load is unevenly spread across the hosts of {nameOf(plan.ClusterId)}.",
            string.Create(CultureInfo.InvariantCulture, $"Imbalance {move.ImbalanceBefore:F3} -> {move.ImbalanceAfter:F3}."),
            move.Priority,
            SeverityOf(move.Priority)))];
    }
}
