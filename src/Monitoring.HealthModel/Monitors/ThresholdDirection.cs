namespace Monitoring.HealthModel.Monitors;

/// <summary>Which way a value goes bad.</summary>
public enum ThresholdDirection
{
    /// <summary>High is bad (CPU usage, memory usage): warning below critical.</summary>
    Rising,

    /// <summary>Low is bad (free space): warning above critical.</summary>
    Falling,
}
