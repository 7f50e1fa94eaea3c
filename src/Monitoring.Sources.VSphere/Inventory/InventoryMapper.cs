using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Inventory;

/// <summary>Turns property-collector objects into domain inventory, one object at a time.</summary>
internal sealed class InventoryMapper
{
    private const long BytesPerMegabyte = 1024L * 1024L;

    private readonly string _target;

    public InventoryMapper(string target) => _target = target;

    public List<InventoryDatacenter> Datacenters { get; } = [];

    public List<InventoryCluster> Clusters { get; } = [];

    public List<InventoryHost> Hosts { get; } = [];

    public List<InventoryVm> Vms { get; } = [];

    public List<InventoryDatastore> Datastores { get; } = [];

    public InventoryDatacenter AddDatacenter(ObjectContent o)
    {
        var datacenter = new InventoryDatacenter(Id(o.Obj), _target, Text(o, "name") ?? o.Obj.Value);
        Datacenters.Add(datacenter);
        return datacenter;
    }

    /// <summary>Adds an object read under <paramref name="datacenterId"/>; unknown types are ignored.</summary>
    public void Add(ObjectContent o, string datacenterId)
    {
        switch (o.Obj.Type)
        {
            case "ClusterComputeResource":
                Clusters.Add(new InventoryCluster(Id(o.Obj), _target, Text(o, "name") ?? o.Obj.Value, datacenterId, HealthMapper.FromOverallStatus(Text(o, "overallStatus"))));
                break;
            case "HostSystem":
                Hosts.Add(MapHost(o, datacenterId));
                break;
            case "VirtualMachine":
                Vms.Add(MapVm(o));
                break;
            case "Datastore":
                Datastores.Add(MapDatastore(o, datacenterId));
                break;
            default:
                break;
        }
    }

    public InventorySnapshot ToSnapshot(DateTimeOffset collectedAt) =>
        new(_target, collectedAt, Datacenters, Clusters, Hosts, Vms, Datastores);

    private InventoryHost MapHost(ObjectContent o, string datacenterId)
    {
        // A clustered host's parent is its cluster; a standalone host's is a plain ComputeResource.
        var parent = Reference(o, "parent");
        var clusterId = parent is { Type: "ClusterComputeResource" } p ? Id(p) : null;
        var connection = Text(o, "runtime.connectionState");
        var memory = Long(o, "summary.hardware.memorySize");
        return new InventoryHost(
            Id(o.Obj),
            _target,
            Text(o, "name") ?? o.Obj.Value,
            clusterId,
            datacenterId,
            HypervisorKind.Esx,
            HealthMapper.ForHost(Text(o, "overallStatus"), connection),
            Int(o, "summary.hardware.numCpuThreads"),
            memory,
            Text(o, "summary.config.product.fullName"),
            connection,
            Bool(o, "runtime.inMaintenanceMode") ?? false);
    }

    private InventoryVm MapVm(ObjectContent o)
    {
        var host = Reference(o, "runtime.host");
        var memoryMb = Long(o, "summary.config.memorySizeMB");
        return new InventoryVm(
            Id(o.Obj),
            _target,
            Text(o, "name") ?? o.Obj.Value,
            host is { } h ? Id(h) : null,
            HealthMapper.PowerStateOf(Text(o, "runtime.powerState")),
            HealthMapper.FromOverallStatus(Text(o, "overallStatus")),
            Int(o, "summary.config.numCpu"),
            memoryMb * BytesPerMegabyte,
            Text(o, "summary.config.guestFullName"),
            Bool(o, "summary.config.template") ?? false,
            HealthMapper.FromOverallStatus(Text(o, "summary.quickStats.guestHeartbeatStatus")).State);
    }

    private InventoryDatastore MapDatastore(ObjectContent o, string datacenterId) =>
        new(
            Id(o.Obj),
            _target,
            Text(o, "name") ?? o.Obj.Value,
            datacenterId,
            HealthMapper.FromOverallStatus(Text(o, "overallStatus")),
            Long(o, "summary.capacity"),
            Long(o, "summary.freeSpace"),
            Text(o, "summary.type"),
            Bool(o, "summary.accessible") ?? false);

    private string Id(ManagedObjectReference reference) => ObjectId.Create(_target, reference.Value);

    private static string? Text(ObjectContent o, string path) => o.Properties.GetValueOrDefault(path)?.Text;

    private static long? Long(ObjectContent o, string path) => Text(o, path) is { } text ? VimXml.AsLong(text) : null;

    private static int? Int(ObjectContent o, string path) => Text(o, path) is { } text ? VimXml.AsInt(text) : null;

    private static bool? Bool(ObjectContent o, string path) => bool.TryParse(Text(o, path), out var value) ? value : null;

    private static ManagedObjectReference? Reference(ObjectContent o, string path) =>
        o.Properties.GetValueOrDefault(path) is { } value && !string.IsNullOrEmpty(value.Text) ? value.AsReference() : null;
}
