namespace Monitoring.Reports.Capacity;

/// <summary>A scope's CPU and memory use in one bucket (ratios; null when no host reported that metric).</summary>
public sealed record UsagePoint(DateTimeOffset At, double? Cpu, double? Memory);
