using Monitoring.HealthModel.Maintenance;

namespace Monitoring.HealthModel.Storage;

/// <summary>Maintenance windows in memory (tests; a database store replaces it in the service).</summary>
public sealed class InMemoryMaintenanceWindowStore : IMaintenanceWindowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MaintenanceWindow> _windows = new(StringComparer.Ordinal);

    public void Add(MaintenanceWindow window)
    {
        lock (_gate)
        {
            if (!_windows.TryAdd(window.Id, window))
            {
                throw new InvalidOperationException($"A maintenance window with id \"{window.Id}\" already exists.");
            }
        }
    }

    public bool Close(string id, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_windows.TryGetValue(id, out var window))
            {
                return false;
            }

            _windows[id] = window with { End = at < window.End ? at : window.End };
            return true;
        }
    }

    public IReadOnlyList<MaintenanceWindow> Active(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _windows.Values.Where(w => w.End > now).ToList();
        }
    }
}
