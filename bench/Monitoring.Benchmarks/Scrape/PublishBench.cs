using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Service.Collection;
using Monitoring.Service.Metrics;
using Monitoring.Storage;

namespace Monitoring.Benchmarks.Scrape;

/// <summary><c>bench publish [VMS]</c>: what publishing one target's passes to /metrics costs, the first
/// pass (every series created) and the later ones (every series set again), inventory and realtime apart.
/// Each pass gets a freshly built estate (new strings, as a parsed reply has), built before it is timed.</summary>
internal static class PublishBench
{
    private const int LaterPasses = 5;

    public static int Run(int vms)
    {
        var buffer = new SampleBuffer();
        var database = MonitoringDatabase.Sqlite("Data Source=unused.db", Path.GetTempPath());
        var exporter = new PrometheusExporter(buffer, new SampleFlushService(buffer, new SampleWriter(database), NullLogger<SampleFlushService>.Instance));
        var catalog = new InventoryCatalog();
        var rows = new List<(int Pass, PublishMeasurement Inventory, PublishMeasurement Realtime, long HeapAfter)>();
        for (var pass = 1; pass <= 1 + LaterPasses; pass++)
        {
            var (inventory, realtime) = SyntheticEstate.Create(vms, vmsPerHost: 20, hostsPerCluster: 50, datastores: 50);
            catalog.Update(inventory); // the catalog is not the publish: updated before the clock starts
            var labels = catalog.For(SyntheticEstate.Target);
            var publishedInventory = PublishMeasurement.Of(() => exporter.PublishInventory(inventory, labels));
            var publishedRealtime = PublishMeasurement.Of(() => exporter.PublishRealtime(SyntheticEstate.Target, labels, realtime.Samples));

            // As in the service, a pass's snapshot and samples are garbage once published: what stays is
            // the series and what the exporter keeps to publish the next pass.
            inventory = null!;
            realtime = null!;
            labels = null!;
            rows.Add((pass, publishedInventory, publishedRealtime, GC.GetTotalMemory(forceFullCollection: true)));
        }

        Console.WriteLine();
        Console.WriteLine($"publish of one target with {vms:N0} VMs ({(vms + 19) / 20:N0} hosts): inventory then realtime, each pass a fresh estate; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"pass",-6} {"inventory ms",13} {"allocated",12} {"realtime ms",12} {"allocated",12} {"heap after (MB)",16}");
        foreach (var (pass, inv, rt, heap) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pass,-6} {inv.Milliseconds,13:0.0} {inv.Allocated / 1048576d,10:0.0} MB {rt.Milliseconds,12:0.0} {rt.Allocated / 1048576d,10:0.0} MB {heap / 1048576d,16:0.0}"));
        }

        var later = rows.Skip(1).ToList();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"later passes, median: inventory {Median(later.Select(r => r.Inventory.Milliseconds)):0.0} ms, {Median(later.Select(r => (double)r.Inventory.Allocated)) / 1048576d:0.0} MB allocated; realtime {Median(later.Select(r => r.Realtime.Milliseconds)):0.0} ms, {Median(later.Select(r => (double)r.Realtime.Allocated)) / 1048576d:0.0} MB allocated"));
        Console.Out.Flush();
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>One publish: wall time and bytes allocated (the publish runs on this thread alone).</summary>
    private readonly record struct PublishMeasurement(double Milliseconds, long Allocated)
    {
        public static PublishMeasurement Of(Action publish)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            publish();
            watch.Stop();
            return new(watch.Elapsed.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - before);
        }
    }
}
