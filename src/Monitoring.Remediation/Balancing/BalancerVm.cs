namespace Monitoring.Remediation.Balancing;

/// <summary>A VM as the balancer sees it.</summary>
/// <param name="Id">The inventory id.</param>
/// <param name="HostId">Where it runs now.</param>
/// <param name="CpuDemand">Smoothed CPU demand in cores (<see cref="LoadSignal"/> of its CPU usage times its vCPUs).</param>
/// <param name="MemoryDemandBytes">Smoothed memory demand (its memory usage share times its configured memory).</param>
/// <param name="ConfiguredMemoryBytes">Its configured memory: what a destination must have free to take it.</param>
/// <param name="PoweredOn">Only powered-on VMs are moved, and only they reserve memory on their host.</param>
public sealed record BalancerVm(
    string Id,
    string HostId,
    double CpuDemand,
    double MemoryDemandBytes,
    double ConfiguredMemoryBytes,
    bool PoweredOn = true);
