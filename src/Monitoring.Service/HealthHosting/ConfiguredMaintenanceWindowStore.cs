using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Storage;

namespace Monitoring.Service.HealthHosting;

/// <summary>The maintenance windows the engine honours: those in the configuration plus those stored through the API.
/// New windows go to the database; a configured window cannot be ended through the API (edit the configuration).</summary>
internal sealed class ConfiguredMaintenanceWindowStore : IMaintenanceWindowStore
{
    private readonly IMaintenanceWindowStore _stored;
    private readonly IReadOnlyList<MaintenanceWindow> _configured;

    public ConfiguredMaintenanceWindowStore(IMaintenanceWindowStore stored, IReadOnlyList<MaintenanceWindow> configured)
    {
        _stored = stored;
        _configured = configured;
    }

    public static bool IsConfigured(string id) => id.StartsWith("config-", StringComparison.Ordinal);

    public void Add(MaintenanceWindow window) => _stored.Add(window);

    public bool Close(string id, DateTimeOffset at) => !IsConfigured(id) && _stored.Close(id, at);

    public IReadOnlyList<MaintenanceWindow> Active(DateTimeOffset now) =>
        _configured.Count == 0 ? _stored.Active(now) : [.. _configured.Where(w => w.End > now), .. _stored.Active(now)];
}
