namespace Monitoring.Core.Model;

/// <summary>Everything one complete, successful inventory pass read from one target.</summary>
/// <remarks>A snapshot exists only for a complete pass: a collector that fails part-way throws instead,
/// so storage can treat "absent from the snapshot" as "gone from the target".</remarks>
public sealed record InventorySnapshot(
    string Target,
    DateTimeOffset CollectedAt,
    IReadOnlyList<InventoryDatacenter> Datacenters,
    IReadOnlyList<InventoryCluster> Clusters,
    IReadOnlyList<InventoryHost> Hosts,
    IReadOnlyList<InventoryVm> Vms,
    IReadOnlyList<InventoryDatastore> Datastores)
{
    /// <summary>Optional items (classes, counters) this target lacks, so the pass read everything else
    /// without them: shown in the target's status, never a failure. Empty when nothing is missing.</summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];

    /// <summary>The VMs' virtual hard disks, for sources that read them (Hyper-V); empty for the others.</summary>
    public IReadOnlyList<InventoryVirtualDisk> VirtualDisks { get; init; } = [];
}
