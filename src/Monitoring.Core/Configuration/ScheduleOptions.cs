namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Schedule</c> section: how often each target is polled.</summary>
public sealed class ScheduleOptions
{
    public const int DefaultFirstPollWithinSeconds = 30;
    public const int DefaultInventoryIntervalSeconds = 300;
    public const int DefaultRealtimeIntervalSeconds = 20;
    public const int DefaultMaxConcurrentTargets = 8;

    /// <summary>Every target's first poll starts within this many seconds of start-up, spread so that
    /// targets do not poll in step. Default 30.</summary>
    public int? FirstPollWithinSeconds { get; set; }

    /// <summary>Seconds between inventory passes of a target. Default 300 (5 minutes).</summary>
    public int? InventoryIntervalSeconds { get; set; }

    /// <summary>Seconds between realtime performance passes, 5 to 60. Default 20, vSphere's realtime interval.</summary>
    public int? RealtimeIntervalSeconds { get; set; }

    /// <summary>Jobs running at once across all targets. Default 8.</summary>
    public int? MaxConcurrentTargets { get; set; }
}
