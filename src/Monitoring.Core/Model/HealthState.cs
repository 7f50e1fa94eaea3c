namespace Monitoring.Core.Model;

/// <summary>The health of an object, in the order an operations manager rolls it up (worst wins).</summary>
public enum HealthState
{
    /// <summary>Not known yet, or the source reports no opinion (vSphere gray).</summary>
    Unknown = 0,

    /// <summary>The source reports the object as working normally.</summary>
    Healthy = 1,

    /// <summary>Degraded: needs attention but still serves.</summary>
    Warning = 2,

    /// <summary>Failed or about to fail.</summary>
    Critical = 3,
}
