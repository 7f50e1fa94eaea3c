using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>A read of the stored inventory.</summary>
public sealed record StoredInventory(
    IReadOnlyList<HostRecord> Hosts,
    IReadOnlyList<VmRecord> Vms,
    IReadOnlyList<ClusterRecord> Clusters,
    IReadOnlyList<DatastoreRecord> Datastores);
