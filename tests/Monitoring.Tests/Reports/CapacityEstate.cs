using Monitoring.Core.Model;
using Monitoring.Reports.Capacity;
using Monitoring.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Tests.Reports;

/// <summary>Builds inventory and hourly series with known answers for the capacity tests.</summary>
internal sealed class CapacityEstate
{
    public const long GiB = 1L << 30;

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private readonly List<HostRecord> _hosts = [];
    private readonly List<VmRecord> _vms = [];
    private readonly List<ClusterRecord> _clusters = [];
    private readonly List<DatastoreRecord> _datastores = [];
    private readonly Dictionary<(string, string), IReadOnlyList<SamplePoint>> _series = [];

    public int Days { get; init; } = 30;

    public CapacityEstate Cluster(string id, string name)
    {
        _clusters.Add(new ClusterRecord { Id = id, Target = "vc1", Name = name });
        return this;
    }

    public CapacityEstate Host(string id, string? cluster, int cpus, long memoryBytes, HypervisorKind hypervisor = HypervisorKind.Esx, string target = "vc1", string? datacenter = "vc1/dc1")
    {
        _hosts.Add(new HostRecord { Id = id, Target = target, Name = id.Split('/')[^1], ClusterId = cluster, DatacenterId = datacenter, Hypervisor = hypervisor, CpuCount = cpus, MemoryBytes = memoryBytes });
        return this;
    }

    public CapacityEstate Vms(string host, int count, int cpus, long memoryBytes, PowerState power = PowerState.PoweredOn)
    {
        for (var i = 0; i < count; i++)
        {
            _vms.Add(new VmRecord { Id = $"{host}-vm{_vms.Count}", Target = "vc1", Name = $"vm{_vms.Count}", HostId = host, PowerState = power, CpuCount = cpus, MemoryBytes = memoryBytes });
        }

        return this;
    }

    public CapacityEstate Datastore(string id, long capacity, long free, string? datacenter = "vc1/dc1")
    {
        _datastores.Add(new DatastoreRecord { Id = id, Target = id.Split('/')[0], Name = id, DatacenterId = datacenter, CapacityBytes = capacity, FreeBytes = free, Accessible = true });
        return this;
    }

    /// <summary>One point per hour over the whole window: value(hours since the window's start); the bucket's maximum
    /// is <paramref name="peak"/> when given, else the value.</summary>
    public CapacityEstate Series(string objectId, string metric, Func<int, double> value, double? peak = null)
    {
        var start = Now.AddDays(-Days).ToUnixTimeSeconds();
        _series[(objectId, metric)] = [.. Enumerable.Range(0, Days * 24).Select(h => new SamplePoint(start + (h * 3600L), value(h), peak ?? value(h)))];
        return this;
    }

    public CapacityData Data() => new(new StoredInventory(_hosts, _vms, _clusters, _datastores), _series, "hour", Now.AddDays(-Days), Now);

    public CapacityReport Report(CapacityOptions? options = null) => new CapacityCalculator(options ?? new CapacityOptions { Days = Days }).Calculate(Data());
}
