namespace Monitoring.Reports.Capacity;

/// <summary>Capacity of one cluster or group of standalone hosts.</summary>
/// <param name="Id">The cluster's inventory id, or <c>&lt;target&gt;/(standalone)</c> for a target's standalone hosts.</param>
/// <param name="Name">The cluster's name, or <c>standalone hosts</c>.</param>
/// <param name="Kind"><c>cluster</c> or <c>standalone</c>.</param>
/// <param name="Target">The config name of the target.</param>
/// <param name="Hosts">Hosts in the scope.</param>
/// <param name="Cpu">CPU use weighted by each host's logical processors.</param>
/// <param name="Memory">Memory use weighted by each host's memory.</param>
/// <param name="Storage">Storage as last seen; null when no datastore belongs to the scope.</param>
/// <param name="Headroom">VMs of the average size that still fit; null when no VM anywhere defines an average.</param>
/// <param name="Density">VM density.</param>
/// <param name="Usage">The scope's CPU and memory ratio per bucket, for charts: (Unix seconds, cpu, memory).</param>
public sealed record ScopeCapacity(
    string Id,
    string Name,
    string Kind,
    string Target,
    int Hosts,
    ResourceUse Cpu,
    ResourceUse Memory,
    StorageUse? Storage,
    Headroom? Headroom,
    VmDensity Density,
    IReadOnlyList<UsagePoint> Usage);
