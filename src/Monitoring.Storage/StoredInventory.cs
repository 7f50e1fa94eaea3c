using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>A read of the stored inventory.</summary>
public sealed record StoredInventory(
    IReadOnlyList<HostRecord> Hosts,
    IReadOnlyList<VmRecord> Vms,
    IReadOnlyList<ClusterRecord> Clusters,
    IReadOnlyList<DatastoreRecord> Datastores)
{
    /// <summary>The VMs' virtual hard disks (sources that read them: Hyper-V), ordered by VM then path.</summary>
    public IReadOnlyList<VirtualDiskRecord> VirtualDisks { get; init; } = [];
}
