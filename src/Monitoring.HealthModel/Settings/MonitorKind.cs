namespace Monitoring.HealthModel.Settings;

/// <summary>The kinds of unit monitor.</summary>
public enum MonitorKind
{
    /// <summary>A metric against warning and critical thresholds (consecutive samples, hysteresis).</summary>
    Threshold,

    /// <summary>A target answering its polls.</summary>
    Availability,

    /// <summary>Something reporting in at a known interval.</summary>
    Heartbeat,

    /// <summary>The state the source itself reports.</summary>
    SourceStatus,
}
