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
    private readonly RealtimeMetrics _realtimeMetrics;
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
        _realtimeMetrics = new RealtimeMetrics(factory);
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
        lock (_lock)
        {
            _realtimeMetrics.Publish(target, catalog, samples);
        }
    }

    /// <summary>Publishes a target's inventory values (sizes, power state, health, datastore space),
    /// and removes the series of objects the pass no longer found.</summary>
    public void PublishInventory(InventorySnapshot snapshot, IReadOnlyDictionary<string, ObjectLabels> labels)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            _inventoryMetrics.Publish(snapshot, labels);
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
            _realtimeMetrics.Forget(target);
            _inventoryMetrics.Forget(target);
            foreach (var pass in Enum.GetNames<PassKind>().Select(p => p.ToLowerInvariant()))
            {
                _duration.RemoveLabelled(target, pass);
                _success.RemoveLabelled(target, pass);
                _lastSuccess.RemoveLabelled(target, pass);
            }
        }
    }

    /// <summary>Writes the exposition: the Prometheus text format, or OpenMetrics when <paramref name="openMetrics"/>.</summary>
    public async Task WriteAsync(Stream output, bool openMetrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);

        // prometheus-net's part is small (a few series per target and export); it is taken whole so that its
        // OpenMetrics end marker can be moved after the host and VM gauges, which are written in chunks.
        using var registryPart = new MemoryStream();
        await _registry.CollectAndExportAsTextAsync(registryPart, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, cancellationToken).ConfigureAwait(false);
        var head = registryPart.GetBuffer().AsMemory(0, (int)registryPart.Length);
        if (openMetrics && head.Span.EndsWith("# EOF\n"u8))
        {
            head = head[..^"# EOF\n"u8.Length];
        }

        await output.WriteAsync(head, cancellationToken).ConfigureAwait(false);
        await ObjectExposition.WriteAsync(output, _families.ObjectGauges, openMetrics, _lock, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text exposition format.</summary>
    public Task WriteAsync(Stream output, CancellationToken cancellationToken) => WriteAsync(output, openMetrics: false, cancellationToken);
}
