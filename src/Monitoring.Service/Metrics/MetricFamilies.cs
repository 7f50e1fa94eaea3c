using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary>Creates the exposition's gauges and counters in one registry and remembers each, so the
/// OTLP export can read the very same series.</summary>
internal sealed class MetricFamilies
{
    private readonly MetricFactory _factory;
    private readonly List<MetricFamily> _all = [];

    public MetricFamilies(MetricFactory factory) => _factory = factory;

    public IReadOnlyList<MetricFamily> All => _all;

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
