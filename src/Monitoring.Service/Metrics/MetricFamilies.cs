using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary>Creates the exposition's gauges and counters, in one prometheus-net registry or (the bulk
/// host and VM gauges) as <see cref="ObjectGauge"/>s, and remembers each, so the OTLP export can read the
/// very same series.</summary>
internal sealed class MetricFamilies
{
    private readonly MetricFactory _factory;
    private readonly List<MetricFamily> _all = [];
    private readonly List<ObjectGauge> _objectGauges = [];

    public MetricFamilies(MetricFactory factory) => _factory = factory;

    public IReadOnlyList<MetricFamily> All => _all;

    /// <summary>The gauges prometheus-net does not hold, which the exposition writes itself.</summary>
    public IReadOnlyList<ObjectGauge> ObjectGauges => _objectGauges;

    public ObjectGauge ObjectGauge(string name, string help, bool isVm, int slot, Func<IEnumerable<ObjectSeries>> objects, params string[] extraLabels)
    {
        var gauge = new ObjectGauge(name, help, isVm, slot, extraLabels, objects);
        _objectGauges.Add(gauge);
        _all.Add(new MetricFamily(name, help, IsCounter: false, gauge.LabelNames, gauge.Series));
        return gauge;
    }

    public Gauge Gauge(string name, string help, params string[] labels)
    {
        var gauge = _factory.CreateGauge(name, help, labels);
        _all.Add(new MetricFamily(name, help, IsCounter: false, labels, () => labels.Length == 0
            ? [([], gauge.Value)]
            : gauge.GetAllLabelValues().Select(values => (values, gauge.WithLabels(values).Value))));
        return gauge;
    }

    public Counter Counter(string name, string help, params string[] labels)
    {
        var counter = _factory.CreateCounter(name, help, labels);
        _all.Add(new MetricFamily(name, help, IsCounter: true, labels, () => labels.Length == 0
            ? [([], counter.Value)]
            : counter.GetAllLabelValues().Select(values => (values, counter.WithLabels(values).Value))));
        return counter;
    }
}
