namespace Monitoring.Core.Model;

/// <summary>One value of one counter for one object at one time, in base units (ratios 0-1, bytes, seconds).</summary>
public sealed record PerformanceSample(string ObjectId, string Metric, DateTimeOffset Timestamp, double Value);
