namespace Monitoring.Sources.VSphere.Client;

/// <summary>One <c>PerfMetricIntSeries</c>: the values of one counter and instance, one per sample, in the
/// order of the entity's <see cref="PerfEntityMetric.SampleInfo"/>.</summary>
/// <param name="CounterId">The counter's key in the server's catalog.</param>
/// <param name="Instance">The instance; empty for the entity's aggregate.</param>
/// <param name="Values">Raw values in the counter's unit; -1 means the server has no value for that sample.</param>
internal sealed record PerfMetricSeries(int CounterId, string Instance, IReadOnlyList<long> Values);
