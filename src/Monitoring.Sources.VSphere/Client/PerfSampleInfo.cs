namespace Monitoring.Sources.VSphere.Client;

/// <summary>When one sample of a <c>QueryPerf</c> series was taken and the interval it covers.</summary>
/// <param name="Timestamp">The end of the sample's interval, as the server stamped it.</param>
/// <param name="IntervalSeconds">The interval in seconds (20 for realtime).</param>
internal readonly record struct PerfSampleInfo(DateTimeOffset Timestamp, int IntervalSeconds);
