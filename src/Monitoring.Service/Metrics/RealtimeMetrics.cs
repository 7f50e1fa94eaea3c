using Monitoring.Core.Model;

namespace Monitoring.Service.Metrics;

/// <summary>The last realtime value of each host and VM counter (<see cref="PerformanceMetric.All"/>) as
/// gauges, one per metric and kind of object.</summary>
internal sealed class RealtimeMetrics
{
    private readonly int _slots = PerformanceMetric.All.Count;
    private readonly Dictionary<string, ObjectSeriesSet> _byTarget = new(StringComparer.Ordinal);

    public RealtimeMetrics(MetricFamilies factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var metrics = PerformanceMetric.All;
        for (var slot = 0; slot < metrics.Count; slot++)
        {
            Register(factory, isVm: false, slot, metrics[slot]);
            Register(factory, isVm: true, slot, metrics[slot]);
        }
    }

    /// <summary>Publishes a target's latest realtime values (the newest sample of each object and metric),
    /// and removes the series of objects and metrics it no longer reports.</summary>
    /// <remarks>Not thread-safe: the exporter calls it under its lock.</remarks>
    public void Publish(string target, IReadOnlyDictionary<string, ObjectLabels> catalog, IReadOnlyList<PerformanceSample> samples)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(samples);
        if (!_byTarget.TryGetValue(target, out var set))
        {
            set = new ObjectSeriesSet(target, _slots);
            _byTarget[target] = set;
        }

        set.BeginPass();

        // First the newest sample of each object and metric, gathered by row (one per object, sized like
        // the last pass): a pass's samples come object by object, so the object is looked up once per run.
        var slots = _slots;
        var objects = new List<ObjectSeries>(set.Count);
        var values = new double[Math.Max(set.Count, 64) * slots];
        var ticks = new long[values.Length];
        ObjectSeries? current = null;
        string? currentId = null;
        foreach (var sample in samples)
        {
            var slot = SlotOf(sample.Metric);
            if (slot < 0)
            {
                continue;
            }

            if (!string.Equals(sample.ObjectId, currentId, StringComparison.Ordinal))
            {
                currentId = sample.ObjectId;
                current = catalog.TryGetValue(currentId, out var labels) ? set.Take(currentId, labels) : null;
                var rowThisPass = current is not null && current.Row < objects.Count && ReferenceEquals(objects[current.Row], current);
                if (current is not null && !rowThisPass)
                {
                    current.Row = objects.Count;
                    objects.Add(current);
                    if (values.Length < objects.Count * slots)
                    {
                        Array.Resize(ref values, values.Length * 2);
                        Array.Resize(ref ticks, ticks.Length * 2);
                    }

                    ticks.AsSpan(current.Row * slots, slots).Fill(long.MinValue);
                }
            }

            if (current is null)
            {
                continue; // not in the inventory yet: labelled once the next inventory pass names it
            }

            var at = (current.Row * slots) + slot;
            if (sample.Timestamp.UtcTicks > ticks[at])
            {
                ticks[at] = sample.Timestamp.UtcTicks;
                values[at] = sample.Value;
            }
        }

        // Then the values: a metric the object did not report this time loses its series.
        foreach (var series in objects)
        {
            for (var slot = 0; slot < slots; slot++)
            {
                var at = (series.Row * slots) + slot;
                series.Set(slot, ticks[at] == long.MinValue ? null : values[at]);
            }
        }

        set.EndPass();
        if (set.Count == 0)
        {
            _byTarget.Remove(target);
        }
    }

    /// <summary>Removes every realtime series of a target.</summary>
    public void Forget(string target)
    {
        if (_byTarget.Remove(target, out var set))
        {
            set.Clear();
        }
    }

    /// <summary>Every object with realtime series, of every target.</summary>
    private IEnumerable<ObjectSeries> AllObjects() => _byTarget.Values.SelectMany(set => set.Objects);

    /// <summary>The metric's index in <see cref="PerformanceMetric.All"/>, or -1: a handful of comparisons,
    /// most of them by reference (samples carry the constants).</summary>
    private static int SlotOf(string metric)
    {
        var all = PerformanceMetric.All;
        for (var slot = 0; slot < all.Count; slot++)
        {
            if (string.Equals(all[slot], metric, StringComparison.Ordinal))
            {
                return slot;
            }
        }

        return -1;
    }

    private void Register(MetricFamilies factory, bool isVm, int slot, string metric)
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
        var kind = isVm ? "vm" : "host";
        factory.ObjectGauge($"virt_{kind}_{stem}_{unit}", $"{help}, per {(isVm ? "VM" : "host")} (last realtime sample).", isVm, slot, AllObjects);
    }
}
