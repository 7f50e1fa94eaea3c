using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;

namespace Monitoring.Service.HealthHosting;

/// <summary>The validated <c>Monitoring:Health</c> section, with the monitors built from <c>Monitoring:Thresholds</c>.</summary>
/// <param name="Settings">The monitors and every override as configured (object overrides are matched to the inventory at run time).</param>
/// <param name="HostGroups">The host groups as configured (members are matched to the inventory at run time).</param>
/// <param name="MaintenanceWindows">Windows from the configuration; not stored, shown with <c>createdBy</c> "config".</param>
/// <param name="ResolutionStates">Custom resolution states: number and name.</param>
internal sealed record HealthConfiguration(
    HealthSettings Settings,
    IReadOnlyList<HostGroup> HostGroups,
    IReadOnlyList<MaintenanceWindow> MaintenanceWindows,
    IReadOnlyList<KeyValuePair<int, string>> ResolutionStates)
{
    public static HealthConfiguration Default { get; } = new(new HealthSettings(), [], [], []);

    /// <summary>The built-in resolution states plus the configured ones.</summary>
    public ResolutionStateCatalog Catalog()
    {
        var catalog = new ResolutionStateCatalog();
        foreach (var (value, name) in ResolutionStates)
        {
            catalog.Define(value, name);
        }

        return catalog;
    }
}
