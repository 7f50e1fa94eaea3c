namespace Monitoring.Remediation.Balancing;

/// <summary>Priority 1-5 of a move from the cluster's imbalance and its host count, after DRS.</summary>
/// <remarks>
/// priority = 6 - ceil(imbalance x sqrt(hosts) / 0.1), kept within 2..5; 1 is kept for mandatory moves
/// (none are made by the load balancer). Why sqrt(hosts): the same spread over more hosts means more
/// load out of place. For 4 hosts: imbalance up to 0.05 gives 5, up to 0.10 gives 4, up to 0.15 gives 3,
/// above that 2.
/// </remarks>
public static class RecommendationPriority
{
    public const int Mandatory = 1;
    public const int Lowest = 5;
    private const double Step = 0.1;

    public static int From(double imbalance, int hostCount)
    {
        if (hostCount < 2 || imbalance <= 0)
        {
            return Lowest;
        }

        var scaled = imbalance * Math.Sqrt(hostCount) / Step;
        var priority = 6 - (int)Math.Ceiling(scaled - 1e-12);
        return Math.Clamp(priority, 2, Lowest);
    }
}
