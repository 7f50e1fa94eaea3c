namespace Monitoring.Remediation.Balancing;

/// <summary>One proposed live migration.</summary>
/// <param name="VmId">The VM to move.</param>
/// <param name="FromHostId">Where it runs now.</param>
/// <param name="ToHostId">Where it should go.</param>
/// <param name="ImbalanceBefore">The cluster's imbalance before this move (after the moves chosen before it).</param>
/// <param name="ImbalanceAfter">The imbalance after it.</param>
/// <param name="Goodness">The drop in imbalance this move brings.</param>
/// <param name="Priority">1 (most urgent) to 5 (least); see <see cref="RecommendationPriority"/>.</param>
public sealed record PlannedMove(
    string VmId,
    string FromHostId,
    string ToHostId,
    double ImbalanceBefore,
    double ImbalanceAfter,
    double Goodness,
    int Priority);
