namespace Monitoring.Reports.Capacity;

/// <summary>One bucket of one metric of one object, as the capacity report reads it from a sample table.</summary>
/// <param name="Timestamp">Start of the bucket, Unix seconds (UTC).</param>
/// <param name="Average">The bucket's average.</param>
/// <param name="Maximum">The bucket's largest sample: what "peak" is built from.</param>
public readonly record struct SamplePoint(long Timestamp, double Average, double Maximum);
