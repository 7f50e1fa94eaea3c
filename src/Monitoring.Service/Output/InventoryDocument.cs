using Monitoring.Storage;

namespace Monitoring.Service.Output;

/// <summary>The <c>inventory --json</c> document: <c>{ "hosts": [...], "vms": [...] }</c>, plus clusters and datastores.</summary>
internal sealed record InventoryDocument(
    IReadOnlyList<HostDocument> Hosts,
    IReadOnlyList<VmDocument> Vms,
    IReadOnlyList<ClusterDocument> Clusters,
    IReadOnlyList<DatastoreDocument> Datastores)
{
    public static InventoryDocument From(StoredInventory inventory)
    {
        var clusterNames = inventory.Clusters.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var hostNames = inventory.Hosts.ToDictionary(h => h.Id, h => h.Name, StringComparer.Ordinal);
        var hostKinds = inventory.Hosts.ToDictionary(h => h.Id, h => h.Hypervisor, StringComparer.Ordinal);
        var disks = VirtualDiskDocument.ByVm(inventory.VirtualDisks);
        var hosts = inventory.Hosts.Select(h => new HostDocument(
            h.Id, h.Target, h.Name,
            h.ClusterId is null ? null : clusterNames.GetValueOrDefault(h.ClusterId),
            h.ClusterId,
            ContractNames.Of(h.Hypervisor), ContractNames.Of(h.Health), h.HealthReason,
            h.CpuCount, h.MemoryBytes, h.Os, h.ConnectionState, h.InMaintenance, h.GoneAt, h.BootedAt)).ToList();
        var vms = inventory.Vms.Select(v => new VmDocument(
            v.Id, v.Target, v.Name,
            v.HostId is null ? null : hostNames.GetValueOrDefault(v.HostId),
            v.HostId,
            ContractNames.Of(v.PowerState), ContractNames.Of(v.Health), v.HealthReason,
            v.CpuCount, v.MemoryBytes, v.GuestOs, v.IsTemplate, v.GoneAt,
            VirtualDiskDocument.ForVm(v.Id, v.HostId is null ? null : hostKinds.GetValueOrDefault(v.HostId), disks),
            v.BootedAt)).ToList();
        var clusters = inventory.Clusters.Select(c => new ClusterDocument(
            c.Id, c.Target, c.Name, ContractNames.Of(c.Health), c.HealthReason,
            inventory.Hosts.Count(h => h.ClusterId == c.Id), c.GoneAt)).ToList();
        var datastores = inventory.Datastores.Select(d => new DatastoreDocument(
            d.Id, d.Target, d.Name, ContractNames.Of(d.Health), d.HealthReason,
            d.CapacityBytes, d.FreeBytes, d.Type, d.Accessible, d.GoneAt)).ToList();
        return new InventoryDocument(hosts, vms, clusters, datastores);
    }
}
