using Monitoring.Core.Model;

namespace Monitoring.Benchmarks.Scrape;

/// <summary>A large estate as one target's inventory and realtime pass would report it: clusters of
/// hosts, every VM running, every counter sampled.</summary>
internal static class SyntheticEstate
{
    public const string Target = "vc-bench";

    public static (InventorySnapshot Inventory, PerformanceBatch Realtime) Create(int vms, int vmsPerHost, int hostsPerCluster, int datastores)
    {
        var at = DateTimeOffset.UtcNow;
        var hostCount = (vms + vmsPerHost - 1) / vmsPerHost;
        var clusters = Enumerable.Range(0, (hostCount + hostsPerCluster - 1) / hostsPerCluster)
            .Select(c => new InventoryCluster(Id($"domain-c{c}"), Target, $"cluster-{c:00}", Id("datacenter-1"), new Health(HealthState.Healthy, null)))
            .ToList();
        var hosts = Enumerable.Range(0, hostCount)
            .Select(h => new InventoryHost(Id($"host-{h}"), Target, $"esx-{h:0000}.example.net", clusters[h / hostsPerCluster].Id, Id("datacenter-1"), HypervisorKind.Esx, new Health(HealthState.Healthy, null), 64, 512L << 30, "VMware ESXi 6.7.0 build-8169922", "connected", false))
            .ToList();
        var vmList = Enumerable.Range(0, vms)
            .Select(v => new InventoryVm(Id($"vm-{v}"), Target, $"vm-{v:00000}", hosts[v / vmsPerHost].Id, PowerState.PoweredOn, new Health(HealthState.Healthy, null), 4, 16L << 30, "Ubuntu Linux (64-bit)", false, HealthState.Healthy))
            .ToList();
        var stores = Enumerable.Range(0, datastores)
            .Select(d => new InventoryDatastore(Id($"datastore-{d}"), Target, $"ds-{d:000}", Id("datacenter-1"), new Health(HealthState.Healthy, null), 4L << 40, 1L << 40, "VMFS", true))
            .ToList();
        var random = new Random(42);
        var samples = new List<PerformanceSample>((hostCount + vms) * PerformanceMetric.All.Count);
        foreach (var id in hosts.Select(h => h.Id).Concat(vmList.Select(v => v.Id)))
        {
            foreach (var metric in PerformanceMetric.All)
            {
                samples.Add(new PerformanceSample(id, metric, at, Math.Round(random.NextDouble() * 1_000_000, 3)));
            }
        }

        var inventory = new InventorySnapshot(Target, at, [new InventoryDatacenter(Id("datacenter-1"), Target, "DC1")], clusters, hosts, vmList, stores);
        return (inventory, new PerformanceBatch(Target, at, samples, hostCount + vms));
    }

    private static string Id(string key) => ObjectId.Create(Target, key);
}
