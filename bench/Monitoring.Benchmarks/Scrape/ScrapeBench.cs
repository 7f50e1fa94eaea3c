using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Service.Collection;
using Monitoring.Service.Metrics;
using Monitoring.Storage;
using Prometheus;

namespace Monitoring.Benchmarks.Scrape;

/// <summary><c>bench scrape [--vms N]</c>: the /metrics scrape of a large estate through the product
/// (MetricsEndpoint over the exporter's published series) beside prometheus-net alone serialising the
/// same series (the floor). Prints time, bytes and allocation per scrape.</summary>
internal static class ScrapeBench
{
    private const int Warmup = 3;
    private const int Iterations = 25;

    public static async Task<int> RunAsync(int vms, CancellationToken ct)
    {
        var (inventory, realtime) = SyntheticEstate.Create(vms, vmsPerHost: 20, hostsPerCluster: 20, datastores: 50);
        var buffer = new SampleBuffer();
        var database = MonitoringDatabase.Sqlite("Data Source=unused.db", Path.GetTempPath());
        var exporter = new PrometheusExporter(buffer, new SampleFlushService(buffer, new SampleWriter(database), NullLogger<SampleFlushService>.Instance));
        var observer = new MetricsObserver(exporter, new InventoryCatalog(), new CollectorStatus());
        var published = Stopwatch.StartNew();
        observer.OnInventory(inventory);
        observer.OnRealtime(realtime);
        observer.OnOutcome(new PassOutcome(SyntheticEstate.Target, PassKind.Inventory, inventory.CollectedAt, TimeSpan.FromSeconds(12), null, null));
        observer.OnOutcome(new PassOutcome(SyntheticEstate.Target, PassKind.Realtime, realtime.CollectedAt, TimeSpan.FromSeconds(3), null, null));
        published.Stop();
        var (hostCount, clusterCount, datastoreCount) = (inventory.Hosts.Count, inventory.Clusters.Count, inventory.Datastores.Count);

        // As in the service, a pass's snapshot and samples are garbage once published: the series stay.
        inventory = null!;
        realtime = null!;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        using var text = new MemoryStream();
        await exporter.WriteAsync(text, ct);
        var exposition = System.Text.Encoding.UTF8.GetString(text.ToArray());
        var lines = exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        var vmSeries = lines.Count(l => l.StartsWith("virt_vm_", StringComparison.Ordinal));
        var hostSeries = lines.Count(l => l.StartsWith("virt_host_", StringComparison.Ordinal));
        var floor = FloorRegistry.From(exposition);

        Log($"estate: {vms:N0} VMs on {hostCount:N0} hosts in {clusterCount} clusters, {datastoreCount} datastores; published in {published.Elapsed.TotalMilliseconds:0} ms");
        Log($"series: {lines.Count:N0} ({vmSeries:N0} VM = {vmSeries / (double)vms:0.#} per VM, {hostSeries:N0} host)");

        // Each pair alternates floor and ours scrape by scrape, so that load on the machine falls on both alike.
        var (floorText, oursText) = await MeasurePairAsync(
            ("floor: prometheus-net alone, text", s => floor.CollectAndExportAsTextAsync(s, ct)),
            ("ours: GET /metrics, text", s => OursAsync(exporter, s, null, null, ct)),
            ct);
        var (floorGzip, oursGzip) = await MeasurePairAsync(
            ("floor: prometheus-net alone, text, gzip", s => GzipAsync(s, g => floor.CollectAndExportAsTextAsync(g, ct))),
            ("ours: GET /metrics, text, gzip", s => OursAsync(exporter, s, null, "gzip", ct)),
            ct);
        var (floorOpenMetrics, oursOpenMetrics) = await MeasurePairAsync(
            ("floor: prometheus-net alone, OpenMetrics", s => floor.CollectAndExportAsTextAsync(s, ExpositionFormat.OpenMetricsText, ct)),
            ("ours: GET /metrics, OpenMetrics (as Prometheus asks)", s => OursAsync(exporter, s, "application/openmetrics-text;version=1.0.0", null, ct)),
            ct);

        Console.WriteLine();
        Console.WriteLine($"scrape of {lines.Count:N0} series ({vms:N0} VMs x {vmSeries / (double)vms:0.#} series + {hostCount:N0} hosts x {hostSeries / (double)hostCount:0.#}); {Iterations} scrapes each after {Warmup} warm-up; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"{"",-58} {"median ms",10} {"min ms",8} {"bytes",12} {"allocated",12} {"ours/floor",10}");
        foreach (var (ours, reference) in new[] { (oursText, floorText), (oursGzip, floorGzip), (oursOpenMetrics, floorOpenMetrics) })
        {
            Print(reference, null);
            Print(ours, reference);
        }

        var ratio = oursText.MedianMs / floorText.MedianMs;
        Console.WriteLine();
        Console.WriteLine($"goal (text): ours <= 1.2 x floor and < 250 ms: {ratio:0.00} x, {oursText.MedianMs:0} ms -> {(ratio <= 1.2 && oursText.MedianMs < 250 ? "met" : "NOT met")}");
        Console.Out.Flush();
        return 0;
    }

    private static async Task OursAsync(PrometheusExporter exporter, Stream sink, string? accept, string? acceptEncoding, CancellationToken ct)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/metrics";
        http.Request.Headers.Accept = accept;
        http.Request.Headers.AcceptEncoding = acceptEncoding;
        http.Response.Body = sink;
        await MetricsEndpoint.HandleAsync(http, exporter, ct);
    }

    private static async Task GzipAsync(Stream sink, Func<Stream, Task> write)
    {
        var gzip = new GZipStream(sink, CompressionLevel.Fastest, leaveOpen: true);
        await using (gzip.ConfigureAwait(false))
        {
            await write(gzip);
        }
    }

    private static async Task<(ScrapeMeasurement Floor, ScrapeMeasurement Ours)> MeasurePairAsync(
        (string Name, Func<Stream, Task> Scrape) floor,
        (string Name, Func<Stream, Task> Scrape) ours,
        CancellationToken ct)
    {
        var samples = new[] { (Times: new List<double>(), Allocated: new List<long>(), Bytes: new long[1]), (Times: new List<double>(), Allocated: new List<long>(), Bytes: new long[1]) };
        for (var i = 0; i < Warmup + Iterations; i++)
        {
            for (var side = 0; side < 2; side++)
            {
                ct.ThrowIfCancellationRequested();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var sink = new CountingStream();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                await (side == 0 ? floor.Scrape : ours.Scrape)(sink);
                watch.Stop();
                var after = GC.GetTotalAllocatedBytes(precise: true);
                if (i >= Warmup)
                {
                    samples[side].Times.Add(watch.Elapsed.TotalMilliseconds);
                    samples[side].Allocated.Add(after - before);
                    samples[side].Bytes[0] = sink.Written;
                }
            }
        }

        return (
            ScrapeMeasurement.From(floor.Name, samples[0].Times, samples[0].Bytes[0], samples[0].Allocated),
            ScrapeMeasurement.From(ours.Name, samples[1].Times, samples[1].Bytes[0], samples[1].Allocated));
    }

    private static void Print(ScrapeMeasurement m, ScrapeMeasurement? floor) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{m.Name,-58} {m.MedianMs,10:0.0} {m.MinMs,8:0.0} {m.Bytes,12:N0} {m.AllocatedBytes,12:N0} {(floor is null ? string.Empty : (m.MedianMs / floor.MedianMs).ToString("0.00", CultureInfo.InvariantCulture)),10}"));

    private static void Log(string message) => Console.Error.WriteLine($"bench: {message}");
}
