namespace Monitoring.Core.Performance;

/// <summary>One metric of one object averaged over one minute.</summary>
/// <param name="ObjectId">The inventory id.</param>
/// <param name="Metric">A <see cref="Model.PerformanceMetric"/> name.</param>
/// <param name="MinuteStart">Start of the minute, Unix seconds (UTC).</param>
/// <param name="Average">Mean of the samples.</param>
/// <param name="Minimum">Smallest sample.</param>
/// <param name="Maximum">Largest sample.</param>
/// <param name="Count">Samples in the minute (3 when no 20 s sample was missed).</param>
public readonly record struct MinuteAggregate(string ObjectId, string Metric, long MinuteStart, double Average, double Minimum, double Maximum, int Count);
