namespace Monitoring.Service.Metrics;

/// <summary>One metric of the exposition, described so another exporter (OTLP) can read the same values.</summary>
/// <param name="Name">The Prometheus name, e.g. <c>virt_host_cpu_usage_ratio</c>.</param>
/// <param name="Help">Its help text.</param>
/// <param name="IsCounter">A monotonic counter (else a gauge).</param>
/// <param name="LabelNames">Its label names, in order.</param>
/// <param name="Series">Each series' label values (in <paramref name="LabelNames"/> order) and value, read now.</param>
internal sealed record MetricFamily(
    string Name,
    string Help,
    bool IsCounter,
    IReadOnlyList<string> LabelNames,
    Func<IEnumerable<(string[] Labels, double Value)>> Series)
{
    /// <summary>The UCUM unit OpenTelemetry expects, from the name's Prometheus unit suffix.</summary>
    public string? Unit => Name switch
    {
        _ when Name.EndsWith("_bytes_per_second", StringComparison.Ordinal) => "By/s",
        _ when Name.EndsWith("_bytes", StringComparison.Ordinal) => "By",
        _ when Name.EndsWith("_seconds", StringComparison.Ordinal) => "s",
        _ when Name.EndsWith("_ratio", StringComparison.Ordinal) => "1",
        _ => null,
    };
}
