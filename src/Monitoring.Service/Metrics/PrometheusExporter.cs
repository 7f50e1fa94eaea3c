using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Service.Collection;
using Monitoring.Service.Exports;
using Prometheus;
using PrometheusRegistry = Prometheus.CollectorRegistry;

namespace Monitoring.Service.Metrics;

/// <summary>The /metrics exposition. Passes publish into it when they finish; a scrape only serialises
/// what is already there, so it never waits on a target.</summary>
/// <remarks>Its own registry, not prometheus-net's static default: the default one carries runtime
/// adapters whose names fail <c>promtool check metrics</c>, and tests need a fresh registry each.</remarks>
internal sealed class PrometheusExporter : IRequestRecorder
{
    private readonly PrometheusRegistry _registry = Prometheus.Metrics.NewCustomRegistry();
    private readonly Dictionary<(bool IsVm, string Metric), Gauge> _objectGauges = [];
    private readonly PublishedSeries _realtime = new();
    private readonly PublishedSeries _inventory = new();
    private readonly InventoryMetrics _inventoryMetrics;
    private readonly Lock _lock = new();
    private readonly MetricFamilies _families;
    private readonly Action _refreshStorage;
    private readonly Gauge _duration;
    private readonly Gauge _success;
    private readonly Gauge _lastSuccess;
    private readonly Counter _requests;
    private readonly Counter _errors;

    public PrometheusExporter(SampleBuffer buffer, SampleFlushService flusher)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(flusher);
        var factory = new MetricFamilies(Prometheus.Metrics.WithCustomRegistry(_registry));
        _families = factory;
        foreach (var metric in PerformanceMetric.All)
        {
            _objectGauges[(false, metric)] = ObjectGauge(factory, "host", metric);
            _objectGauges[(true, metric)] = ObjectGauge(factory, "vm", metric);
        }

        _inventoryMetrics = new InventoryMetrics(factory);
        Exports = new ExportMetrics(factory);
        Maintenance = new MaintenanceMetrics(factory);

        string[] passLabels = ["target", "pass"];
        _duration = factory.Gauge("virt_collector_duration_seconds", "How long the last pass of a target took.", passLabels);
        _success = factory.Gauge("virt_collector_success", "1 if the last pass of a target succeeded, 0 if it failed.", passLabels);
        _lastSuccess = factory.Gauge("virt_collector_last_success_timestamp_seconds", "When a pass of a target last succeeded (Unix time).", passLabels);
        _requests = factory.Counter("virt_collector_requests_total", "Requests sent to a target, by protocol method.", ["target", "method"]);
        _errors = factory.Counter("virt_collector_errors_total", "Failed passes of a target, by reason.", ["target", "pass", "kind"]);
        var buffered = factory.Gauge("virt_storage_buffered_samples", "Minute aggregates waiting to be written to the database.");
        var dropped = factory.Counter("virt_storage_dropped_samples_total", "Minute aggregates dropped because the buffer was full during a database outage.");
        var written = factory.Counter("virt_storage_written_samples_total", "Minute aggregates written to the database.");
        _refreshStorage = () =>
        {
            // In-memory counters only: reading them is not collecting.
            buffered.Set(buffer.Count);
            dropped.IncTo(buffer.Dropped);
            written.IncTo(flusher.Written);
        };
        _registry.AddBeforeCollectCallback(_refreshStorage);
    }

    /// <summary>The alert exports' metrics (Alertmanager pushes, webhook deliveries).</summary>
    public ExportMetrics Exports { get; }

    /// <summary>The health model's <c>virt_object_in_maintenance</c>.</summary>
    public MaintenanceMetrics Maintenance { get; }

    /// <summary>Every metric of the exposition, for exporters that read the same values (OTLP).</summary>
    public IReadOnlyList<MetricFamily> Families => _families.All;

    /// <summary>Reads one metric's series now, consistently with publishing: a publish that removes a
    /// gone object's series cannot interleave, so a read never brings one back.</summary>
    public List<(string[] Labels, double Value)> Read(MetricFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        lock (_lock)
        {
            _refreshStorage();
            return [.. family.Series()];
        }
    }

    /// <inheritdoc/>
    public void Record(string target, string method) => _requests.WithLabels(target, method).Inc();

    /// <summary>Publishes a target's latest realtime values, and removes the series of objects it no longer reports.</summary>
    public void PublishRealtime(string target, IReadOnlyDictionary<string, ObjectLabels> catalog, IReadOnlyList<PerformanceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(samples);

        // Sized like the target's last pass: at 20,000 VMs these hold 126,000 series, and growing them
        // step by step costs more than filling them.
        int series;
        lock (_lock)
        {
            series = _realtime.CountOf(target);
        }

        var latest = new Dictionary<(string ObjectId, string Metric), PerformanceSample>(series);
        foreach (var sample in samples)
        {
            var key = (sample.ObjectId, sample.Metric);
            if (!latest.TryGetValue(key, out var current) || sample.Timestamp > current.Timestamp)
            {
                latest[key] = sample;
            }
        }

        var now = new HashSet<(Gauge, LabelValues)>(series);
        lock (_lock)
        {
            // Metric by metric: a series created now sits in memory beside the other series of its metric,
            // which is the order a scrape reads them in (a third of the scrape time at 100,000 series).
            foreach (var ((objectId, metric), sample) in latest.OrderBy(l => l.Key.Metric, StringComparer.Ordinal))
            {
                if (!catalog.TryGetValue(objectId, out var labels) || !_objectGauges.TryGetValue((labels.IsVm, metric), out var gauge))
                {
                    continue; // not in the inventory yet: labelled once the next inventory pass names it
                }

                var values = MetricLabels.Of(target, objectId, labels);
                gauge.WithLabels(values.Values).Set(sample.Value);
                now.Add((gauge, values));
            }

            _realtime.Replace(target, now);
        }
    }

    /// <summary>Publishes a target's inventory values (sizes, power state, health, datastore space),
    /// and removes the series of objects the pass no longer found.</summary>
    public void PublishInventory(InventorySnapshot snapshot, IReadOnlyDictionary<string, ObjectLabels> labels)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            _inventory.Replace(snapshot.Target, _inventoryMetrics.Set(snapshot, labels, _inventory.CountOf(snapshot.Target)));
        }
    }

    /// <summary>Publishes the collector's own view of a pass.</summary>
    public void PublishPass(PassOutcome outcome, DateTimeOffset? lastSuccess)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var pass = outcome.Kind.ToString().ToLowerInvariant();
        lock (_lock)
        {
            _duration.WithLabels(outcome.Target, pass).Set(outcome.Duration.TotalSeconds);
            _success.WithLabels(outcome.Target, pass).Set(outcome.Succeeded ? 1 : 0);
            if (lastSuccess is { } at)
            {
                _lastSuccess.WithLabels(outcome.Target, pass).Set(at.ToUnixTimeMilliseconds() / 1000.0);
            }

            if (outcome.Failure is { } kind)
            {
                _errors.WithLabels(outcome.Target, pass, kind.ToString().ToLowerInvariant()).Inc();
            }
        }
    }

    /// <summary>Removes every series of a target taken out of the configuration.</summary>
    public void Forget(string target)
    {
        lock (_lock)
        {
            _realtime.Replace(target, []);
            _inventory.Replace(target, []);
            foreach (var pass in Enum.GetNames<PassKind>().Select(p => p.ToLowerInvariant()))
            {
                _duration.RemoveLabelled(target, pass);
                _success.RemoveLabelled(target, pass);
                _lastSuccess.RemoveLabelled(target, pass);
            }
        }
    }

    /// <summary>Writes the exposition: the Prometheus text format, or OpenMetrics when <paramref name="openMetrics"/>.</summary>
    public Task WriteAsync(Stream output, bool openMetrics, CancellationToken cancellationToken) =>
        _registry.CollectAndExportAsTextAsync(output, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, cancellationToken);

    /// <summary>The text exposition format.</summary>
    public Task WriteAsync(Stream output, CancellationToken cancellationToken) => WriteAsync(output, openMetrics: false, cancellationToken);

    private static Gauge ObjectGauge(MetricFamilies factory, string kind, string metric)
    {
        var (stem, unit, help) = metric switch
        {
            PerformanceMetric.CpuUsage => ("cpu_usage", "ratio", "CPU in use as a share of capacity (0-1)"),
            PerformanceMetric.CpuReady => ("cpu_ready", "ratio", "Share of time ready to run but waiting for a CPU, summed over vCPUs"),
            PerformanceMetric.MemoryUsage => ("memory_usage", "ratio", "Memory in use as a share of memory (0-1)"),
            PerformanceMetric.MemoryConsumed => ("memory_consumed", "bytes", "Host memory consumed"),
            PerformanceMetric.DiskThroughput => ("disk_throughput", "bytes_per_second", "Disk read plus write throughput"),
            PerformanceMetric.NetworkThroughput => ("network_throughput", "bytes_per_second", "Network receive plus transmit throughput"),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "no exposition name"),
        };
        var labels = kind == "vm" ? MetricLabels.Vm : MetricLabels.Host;
        return factory.Gauge($"virt_{kind}_{stem}_{unit}", $"{help}, per {(kind == "vm" ? "VM" : "host")} (last realtime sample).", [.. labels]);
    }
}
