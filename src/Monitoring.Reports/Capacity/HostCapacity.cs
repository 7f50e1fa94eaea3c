namespace Monitoring.Reports.Capacity;

/// <summary>Capacity of one host.</summary>
/// <param name="Id">Inventory id.</param>
/// <param name="Name">The name the host reports.</param>
/// <param name="Target">The config name of its target.</param>
/// <param name="Scope">The id of its scope (<see cref="ScopeCapacity.Id"/>); null for a physical Windows server.</param>
/// <param name="Hypervisor">The contract's word: esx, hyperv, virtualserver, windows.</param>
/// <param name="CpuCount">Logical processors.</param>
/// <param name="MemoryBytes">Physical memory.</param>
/// <param name="Cpu">CPU use.</param>
/// <param name="Memory">Memory use.</param>
/// <param name="Storage">Its own volumes (WinRM hosts); null when none are known.</param>
/// <param name="PoweredOnVms">VMs powered on on it.</param>
public sealed record HostCapacity(
    string Id,
    string Name,
    string Target,
    string? Scope,
    string Hypervisor,
    int? CpuCount,
    long? MemoryBytes,
    ResourceUse Cpu,
    ResourceUse Memory,
    StorageUse? Storage,
    int PoweredOnVms);
