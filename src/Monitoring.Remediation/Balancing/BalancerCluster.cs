namespace Monitoring.Remediation.Balancing;

/// <summary>One cluster (or host group) to balance: VMs move only between its hosts.</summary>
public sealed record BalancerCluster(
    string Id,
    IReadOnlyList<BalancerHost> Hosts,
    IReadOnlyList<BalancerVm> Vms,
    IReadOnlyList<AntiAffinityGroup>? AntiAffinityGroups = null)
{
    public IReadOnlyList<AntiAffinityGroup> Groups => AntiAffinityGroups ?? [];
}
