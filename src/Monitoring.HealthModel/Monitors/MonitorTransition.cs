using Monitoring.Core.Model;

namespace Monitoring.HealthModel.Monitors;

/// <summary>A unit monitor moved from one state to another, and why.</summary>
public sealed record MonitorTransition(HealthState From, HealthState To, DateTimeOffset At, string Cause);
