using System.Diagnostics.Metrics;
using Monitoring.Service.Metrics;

namespace Monitoring.Service.Otlp;

/// <summary>The /metrics families as OpenTelemetry observable instruments of one meter: same names, same
/// labels (as attributes), same values, read from the same series when the SDK collects.</summary>
internal sealed class OtlpInstruments : IDisposable
{
    public const string MeterName = "Monitoring";

    private readonly Meter _meter;

    public OtlpInstruments(PrometheusExporter exporter)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        _meter = new Meter(MeterName, typeof(OtlpInstruments).Assembly.GetName().Version?.ToString());
        foreach (var family in exporter.Families)
        {
            IEnumerable<Measurement<double>> Observe() => exporter.Read(family).Select(s => new Measurement<double>(s.Value, Tags(family, s.Labels)));
            if (family.IsCounter)
            {
                _meter.CreateObservableCounter(family.Name, Observe, family.Unit, family.Help);
            }
            else
            {
                _meter.CreateObservableGauge(family.Name, Observe, family.Unit, family.Help);
            }
        }
    }

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?>[] Tags(MetricFamily family, string[] values)
    {
        var tags = new KeyValuePair<string, object?>[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            tags[i] = new(family.LabelNames[i], values[i]);
        }

        return tags;
    }
}
