using System.Xml.Linq;
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
        var memory = VimXml.AsLong(Value(o, "summary.hardware.memorySize"));
        return new InventoryHost(
            Id(o.Obj),
            _target,
            Text(o, "name") ?? o.Obj.Value,
            clusterId,
            datacenterId,
            HypervisorKind.Esx,
            HealthMapper.ForHost(Text(o, "overallStatus"), connection),
            VimXml.AsInt(Value(o, "summary.hardware.numCpuThreads")),
            memory,
            Text(o, "summary.config.product.fullName"),
            connection,
            VimXml.AsBool(Value(o, "runtime.inMaintenanceMode")) ?? false);
    }

    private InventoryVm MapVm(ObjectContent o)
    {
        var host = Reference(o, "runtime.host");
        var memoryMb = VimXml.AsLong(Value(o, "summary.config.memorySizeMB"));
        return new InventoryVm(
            Id(o.Obj),
            _target,
            Text(o, "name") ?? o.Obj.Value,
            host is { } h ? Id(h) : null,
            HealthMapper.PowerStateOf(Text(o, "runtime.powerState")),
            HealthMapper.FromOverallStatus(Text(o, "overallStatus")),
            VimXml.AsInt(Value(o, "summary.config.numCpu")),
            memoryMb * BytesPerMegabyte,
            Text(o, "summary.config.guestFullName"),
            VimXml.AsBool(Value(o, "summary.config.template")) ?? false,
            HealthMapper.FromOverallStatus(Text(o, "summary.quickStats.guestHeartbeatStatus")).State);
    }

    private InventoryDatastore MapDatastore(ObjectContent o, string datacenterId) =>
        new(
            Id(o.Obj),
            _target,
            Text(o, "name") ?? o.Obj.Value,
            datacenterId,
            HealthMapper.FromOverallStatus(Text(o, "overallStatus")),
            VimXml.AsLong(Value(o, "summary.capacity")),
            VimXml.AsLong(Value(o, "summary.freeSpace")),
            Text(o, "summary.type"),
            VimXml.AsBool(Value(o, "summary.accessible")) ?? false);

    private string Id(ManagedObjectReference reference) => ObjectId.Create(_target, reference.Value);

    private static XElement? Value(ObjectContent o, string path) => o.Properties.GetValueOrDefault(path);

    private static string? Text(ObjectContent o, string path) => Value(o, path)?.Value;

    private static ManagedObjectReference? Reference(ObjectContent o, string path) =>
        Value(o, path) is { } element && !string.IsNullOrEmpty(element.Value) ? VimXml.ReadReference(element) : null;
}
