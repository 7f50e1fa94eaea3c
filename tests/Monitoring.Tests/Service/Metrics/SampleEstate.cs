using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Service.Collection;
using Monitoring.Service.Metrics;
using Monitoring.Storage;

namespace Monitoring.Tests.Service.Metrics;

/// <summary>A small estate with one of everything the metrics cover: a cluster of two hosts and a
/// standalone host; VMs running, off, suspended and a template; two datastores (one whose size the
/// source did not give); a boot time on one host and one running VM, none on the others (their series
/// exist only when known); a realtime pass, a successful and a failed inventory pass.</summary>
internal static class SampleEstate
{
    public const string Target = "vc1";

    public static readonly DateTimeOffset At = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static PrometheusExporter NewExporter()
    {
        var buffer = new SampleBuffer();
        var database = MonitoringDatabase.Sqlite("Data Source=unused.db", Path.GetTempPath());
        return new PrometheusExporter(buffer, new SampleFlushService(buffer, new SampleWriter(database), NullLogger<SampleFlushService>.Instance));
    }

    public static InventorySnapshot Inventory(params string[] leaveOut)
    {
        var healthy = new Health(HealthState.Healthy, null);
        InventoryHost[] hosts =
        [
            new(Id("host-1"), Target, "esx-01.example.net", Id("domain-c1"), Id("datacenter-1"), HypervisorKind.Esx, healthy, 32, 137_438_953_472L, "VMware ESXi 6.7.0 build-8169922", "connected", false) { BootedAt = At.AddDays(-30) },
            new(Id("host-2"), Target, "esx-02.example.net", Id("domain-c1"), Id("datacenter-1"), HypervisorKind.Esx, new Health(HealthState.Warning, "vSphere overallStatus yellow"), 32, 137_438_953_472L, "VMware ESXi 6.7.0 build-8169922", "connected", true),
            new(Id("host-3"), Target, "esx-03.example.net", null, Id("datacenter-1"), HypervisorKind.Esx, new Health(HealthState.Critical, "host is not responding to vCenter"), null, null, null, "notResponding", false),
        ];
        InventoryVm[] vms =
        [
            new(Id("vm-10"), Target, "web-01", Id("host-1"), PowerState.PoweredOn, healthy, 2, 4L << 30, "Ubuntu Linux (64-bit)", false, HealthState.Healthy) { BootedAt = At.AddHours(-6) },
            new(Id("vm-11"), Target, "db-01", Id("host-2"), PowerState.PoweredOff, healthy, 8, 32L << 30, "Microsoft Windows Server 2016 (64-bit)", false),
            new(Id("vm-12"), Target, "batch-01", Id("host-3"), PowerState.Suspended, new Health(HealthState.Critical, "vSphere overallStatus red"), 1, 1L << 30, null, false, HealthState.Critical),
            new(Id("vm-13"), Target, "tpl-ubuntu", Id("host-1"), PowerState.PoweredOff, healthy, 2, 2L << 30, "Ubuntu Linux (64-bit)", true),
        ];
        InventoryDatastore[] datastores =
        [
            new(Id("datastore-20"), Target, "ds-prod-01", Id("datacenter-1"), healthy, 2_199_023_255_552L, 439_804_651_110L, "VMFS", true),
            new(Id("datastore-21"), Target, "nfs-iso", Id("datacenter-1"), Health.Unknown("vSphere reported no overallStatus"), null, null, "NFS", false),
        ];
        return new InventorySnapshot(
            Target,
            At,
            [new InventoryDatacenter(Id("datacenter-1"), Target, "DC1")],
            [new InventoryCluster(Id("domain-c1"), Target, "Prod", Id("datacenter-1"), healthy)],
            [.. hosts.Where(h => !leaveOut.Contains(h.Id))],
            [.. vms.Where(v => !leaveOut.Contains(v.Id))],
            [.. datastores.Where(d => !leaveOut.Contains(d.Id))]);
    }

    public static PerformanceBatch Realtime(params string[] leaveOut)
    {
        var samples = new List<PerformanceSample>();
        foreach (var (id, scale) in new[] { (Id("host-1"), 1.0), (Id("host-2"), 2.0), (Id("vm-10"), 0.5) })
        {
            if (leaveOut.Contains(id))
            {
                continue;
            }

            // Two samples each: the newer one is the one published.
            samples.Add(new PerformanceSample(id, PerformanceMetric.CpuUsage, At.AddSeconds(-40), 0.99));
            samples.Add(new PerformanceSample(id, PerformanceMetric.CpuUsage, At.AddSeconds(-20), 0.25 * scale));
            samples.Add(new PerformanceSample(id, PerformanceMetric.CpuReady, At.AddSeconds(-20), 0.01 * scale));
            samples.Add(new PerformanceSample(id, PerformanceMetric.MemoryUsage, At.AddSeconds(-20), 0.4 * scale));
            samples.Add(new PerformanceSample(id, PerformanceMetric.MemoryConsumed, At.AddSeconds(-20), 1_073_741_824 * scale));
            samples.Add(new PerformanceSample(id, PerformanceMetric.DiskThroughput, At.AddSeconds(-20), 1_048_576 * scale));
            samples.Add(new PerformanceSample(id, PerformanceMetric.NetworkThroughput, At.AddSeconds(-20), 524_288 * scale));
        }

        return new PerformanceBatch(Target, At, samples, 3);
    }

    /// <summary>Publishes the whole estate the way the service does after its passes.</summary>
    public static (PrometheusExporter Exporter, InventoryCatalog Catalog) Published()
    {
        var exporter = NewExporter();
        var catalog = new InventoryCatalog();
        var status = new CollectorStatus();
        var observer = new MetricsObserver(exporter, catalog, status);
        observer.OnInventory(Inventory());
        observer.OnOutcome(new PassOutcome(Target, PassKind.Inventory, At.AddMinutes(-5), TimeSpan.FromSeconds(1.5), null, null));
        observer.OnRealtime(Realtime());
        observer.OnOutcome(new PassOutcome(Target, PassKind.Realtime, At, TimeSpan.FromSeconds(0.25), null, null));
        observer.OnOutcome(new PassOutcome(Target, PassKind.Inventory, At, TimeSpan.FromSeconds(30), FailureKind.Timeout, "timed out"));
        exporter.Record(Target, "RetrievePropertiesEx");
        exporter.Record(Target, "QueryPerf");
        exporter.Record(Target, "QueryPerf");
        return (exporter, catalog);
    }

    public static string Id(string key) => ObjectId.Create(Target, key);
}
