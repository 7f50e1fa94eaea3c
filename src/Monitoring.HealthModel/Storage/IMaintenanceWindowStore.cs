using Monitoring.HealthModel.Maintenance;

namespace Monitoring.HealthModel.Storage;

/// <summary>Where maintenance windows are kept.</summary>
public interface IMaintenanceWindowStore
{
    void Add(MaintenanceWindow window);

    /// <summary>Ends a window early (sets its end); false when there is no such window.</summary>
    bool Close(string id, DateTimeOffset at);

    /// <summary>Windows that have not ended by <paramref name="now"/> (current and future).</summary>
    IReadOnlyList<MaintenanceWindow> Active(DateTimeOffset now);
}
