namespace Monitoring.Remediation.Balancing;

/// <summary>A host as the balancer sees it.</summary>
/// <param name="Id">The inventory id.</param>
/// <param name="CpuCapacity">Physical CPUs (cores); VM CPU demand is in the same unit.</param>
/// <param name="MemoryCapacityBytes">Physical memory.</param>
/// <param name="InMaintenance">In maintenance (or not connected): never a destination; its VMs are left
/// where they are and it takes no part in the imbalance.</param>
public sealed record BalancerHost(string Id, double CpuCapacity, double MemoryCapacityBytes, bool InMaintenance = false);
