using Monitoring.Service.Exports;
using Monitoring.Service.Metrics;

namespace Monitoring.Tests.Service.Exports;

/// <summary>Export metrics in a fresh registry of their own.</summary>
internal static class ExportTestMetrics
{
    public static ExportMetrics Create(out MetricFamilies families)
    {
        families = new MetricFamilies(Prometheus.Metrics.WithCustomRegistry(Prometheus.Metrics.NewCustomRegistry()));
        return new ExportMetrics(families);
    }

    /// <summary>The value of one series, 0 when it has none.</summary>
    public static double Value(MetricFamilies families, string name, params string[] labels) =>
        families.All.Single(f => f.Name == name).Series().Where(s => s.Labels.SequenceEqual(labels)).Select(s => s.Value).FirstOrDefault();
}
