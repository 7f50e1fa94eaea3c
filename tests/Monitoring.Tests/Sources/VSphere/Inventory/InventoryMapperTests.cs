using System.Xml.Linq;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Sources.VSphere.Inventory;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Sources.VSphere.Inventory;

public sealed class InventoryMapperTests
{
    private const string Target = "vc01";
    private const string DatacenterId = "vc01/datacenter-2";
    private const string HostCassette = "vsphere/pyvmomi/2018-827747f/test_json_host_explode.yaml";
    private const string VmCassette = "vsphere/pyvmomi/2018-827747f/test_json_vm_explode_default.yaml";

    [Fact]
    public async Task HostProperties_RealESXi67Host_HoldsEveryPathTheInventoryPassAsksFor()
    {
        var host = await CapturedObject.LoadAsync(HostCassette);

        Assert.All(InventoryProperties.Host.Paths, path => Assert.True(host.Find(path) is not null, $"a real host has no {path}"));
    }

    [Fact]
    public async Task VmProperties_RealVCenter67Vm_HoldsEveryPathTheInventoryPassAsksFor()
    {
        var vm = await CapturedObject.LoadAsync(VmCassette);

        Assert.All(InventoryProperties.Vm.Paths, path => Assert.True(vm.Find(path) is not null, $"a real VM has no {path}"));
    }

    [Fact]
    public async Task Add_RealStandaloneHost_MapsNameHealthCpuMemoryAndProduct()
    {
        var host = await CapturedObject.LoadAsync(HostCassette);
        var mapper = new InventoryMapper(Target);

        mapper.Add(host.Select(InventoryProperties.Host.Paths), DatacenterId);

        var mapped = Assert.Single(mapper.Hosts);
        Assert.Equal("vc01/host-14", mapped.Id);
        Assert.Equal(Target, mapped.Target);
        Assert.Equal("10.0.0.5", mapped.Name);
        Assert.Null(mapped.ClusterId); // its parent is a ComputeResource (domain-s12): a standalone host
        Assert.Equal(DatacenterId, mapped.DatacenterId);
        Assert.Equal(HypervisorKind.Esx, mapped.Hypervisor);
        Assert.Equal(HealthState.Warning, mapped.Health.State); // overallStatus yellow
        Assert.Contains("yellow", mapped.Health.Reason, StringComparison.Ordinal);
        Assert.Equal(32, mapped.CpuCount); // summary.hardware.numCpuThreads (16 cores, hyper-threaded)
        Assert.Equal(137_391_214_592L, mapped.MemoryBytes);
        Assert.Equal("VMware ESXi 6.7.0 build-8169922", mapped.Os);
        Assert.Equal("connected", mapped.ConnectionState);
        Assert.False(mapped.InMaintenance);
        Assert.Empty(mapper.Vms);
    }

    [Fact]
    public async Task Add_RealVm_MapsNamePlacementPowerCpuAndMemory()
    {
        var vm = await CapturedObject.LoadAsync(VmCassette);
        var mapper = new InventoryMapper(Target);

        mapper.Add(vm.Select(InventoryProperties.Vm.Paths), DatacenterId);

        var mapped = Assert.Single(mapper.Vms);
        Assert.Equal("vc01/vm-22", mapped.Id);
        Assert.Equal("VMware vCenter Server Appliance", mapped.Name);
        Assert.Equal("vc01/host-14", mapped.HostId);
        Assert.Equal(PowerState.PoweredOn, mapped.PowerState);
        Assert.Equal(HealthState.Healthy, mapped.Health.State);
        Assert.Equal(2, mapped.CpuCount);
        Assert.Equal(10_240L * 1024 * 1024, mapped.MemoryBytes); // summary.config.memorySizeMB 10240
        Assert.Equal("Other 3.x Linux (64-bit)", mapped.GuestOs);
        Assert.False(mapped.IsTemplate);
        Assert.Equal(HealthState.Healthy, mapped.GuestHeartbeat); // summary.quickStats.guestHeartbeatStatus green
    }

    [Fact]
    public async Task Add_RealHostAndVm_VmPointsAtTheHostThatListsIt()
    {
        var host = await CapturedObject.LoadAsync(HostCassette);
        var vm = await CapturedObject.LoadAsync(VmCassette);
        var mapper = new InventoryMapper(Target);

        mapper.Add(host.Select(InventoryProperties.Host.Paths), DatacenterId);
        mapper.Add(vm.Select(InventoryProperties.Vm.Paths), DatacenterId);
        var snapshot = mapper.ToSnapshot(DateTimeOffset.UnixEpoch);

        var mappedHost = Assert.Single(snapshot.Hosts);
        var mappedVm = Assert.Single(snapshot.Vms);
        Assert.Equal(mappedHost.Id, mappedVm.HostId);
        var listedByHost = host.Properties["vm"].Elements().Select(VimXml.ReadReference);
        Assert.Contains(vm.Reference, listedByHost);
    }

    [Fact]
    public void Add_HostWhoseParentIsACluster_RecordsTheClusterId()
    {
        var mapper = new InventoryMapper(Target);

        mapper.Add(Content("HostSystem", "host-17", ("name", "esx17.example.net", null), ("parent", "domain-c7", "ClusterComputeResource")), DatacenterId);

        Assert.Equal("vc01/domain-c7", Assert.Single(mapper.Hosts).ClusterId);
    }

    [Fact]
    public void Add_VmWithoutHostOrSizes_LeavesThemUnknown()
    {
        var mapper = new InventoryMapper(Target);

        mapper.Add(Content("VirtualMachine", "vm-9", ("runtime.powerState", "poweredOff", null)), DatacenterId);

        var vm = Assert.Single(mapper.Vms);
        Assert.Equal("vm-9", vm.Name); // no name: the managed-object id stands in
        Assert.Null(vm.HostId);
        Assert.Null(vm.CpuCount);
        Assert.Null(vm.MemoryBytes);
        Assert.Equal(PowerState.PoweredOff, vm.PowerState);
        Assert.Equal(HealthState.Unknown, vm.Health.State);
    }

    [Fact]
    public void Add_DatacenterClusterAndDatastore_MapsEachUnderTheTarget()
    {
        var mapper = new InventoryMapper(Target);

        var datacenter = mapper.AddDatacenter(Content("Datacenter", "datacenter-2", ("name", "DC1", null)));
        mapper.Add(Content("ClusterComputeResource", "domain-c7", ("name", "Prod", null), ("overallStatus", "red", null)), datacenter.Id);
        mapper.Add(Content("Datastore", "datastore-11", ("name", "ds1", null), ("summary.capacity", "1099511627776", null), ("summary.freeSpace", "549755813888", null), ("summary.accessible", "true", null)), datacenter.Id);
        mapper.Add(Content("Network", "network-1", ("name", "VM Network", null)), datacenter.Id);

        Assert.Equal(DatacenterId, datacenter.Id);
        Assert.Equal("DC1", datacenter.Name);
        var cluster = Assert.Single(mapper.Clusters);
        Assert.Equal(("vc01/domain-c7", "Prod", HealthState.Critical), (cluster.Id, cluster.Name, cluster.Health.State));
        var datastore = Assert.Single(mapper.Datastores);
        Assert.Equal((1_099_511_627_776L, 549_755_813_888L, true), (datastore.CapacityBytes!.Value, datastore.FreeBytes!.Value, datastore.Accessible));
        Assert.Empty(mapper.Hosts);
        Assert.Empty(mapper.Vms);
    }

    private static ObjectContent Content(string type, string id, params (string Path, string Value, string? ReferenceType)[] properties)
    {
        XNamespace vim = "urn:vim25";
        var values = properties.ToDictionary(
            p => p.Path,
            p => new PropertyValue(p.ReferenceType is null ? new XElement(vim + "val", p.Value) : new XElement(vim + "val", new XAttribute("type", p.ReferenceType), p.Value)));
        return new ObjectContent(new ManagedObjectReference(type, id), values, new Dictionary<string, string>());
    }
}
