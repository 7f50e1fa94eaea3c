namespace Monitoring.HealthModel.Maintenance;

/// <summary>Whether an object is in maintenance now, and through which window.</summary>
/// <param name="InMaintenance">True when a window covers the object or anything above it.</param>
/// <param name="Window">The covering window (the one ending last), or null.</param>
public sealed record MaintenanceStatus(bool InMaintenance, MaintenanceWindow? Window)
{
    public static MaintenanceStatus None { get; } = new(false, null);

    public string Describe() => Window is { } w
        ? $"in maintenance until {w.End:u} (window {w.Id} on {w.Scope}: {w.Reason})"
        : "not in maintenance";
}
