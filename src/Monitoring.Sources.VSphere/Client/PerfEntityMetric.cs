namespace Monitoring.Sources.VSphere.Client;

/// <summary>One entity's part of a <c>QueryPerf</c> reply (<c>PerfEntityMetric</c>).</summary>
/// <remarks>Values pair with samples by position. The order itself is the server's: real vCenter sends
/// oldest first, govmomi's simulator newest first, so nothing may assume either.</remarks>
internal sealed record PerfEntityMetric(
    ManagedObjectReference Entity,
    IReadOnlyList<PerfSampleInfo> SampleInfo,
    IReadOnlyList<PerfMetricSeries> Values);
