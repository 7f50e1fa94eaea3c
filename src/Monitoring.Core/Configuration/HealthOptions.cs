namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Health</c> section: host groups, monitor overrides, maintenance windows and custom
/// alert resolution states. Thresholds themselves live in <c>Monitoring:Thresholds</c>; overrides change them per
/// host group or object.</summary>
public sealed class HealthOptions
{
    /// <summary>Named groups of clusters and hosts that share overrides, maintenance windows and a rollup. None by default.</summary>
    public IList<HostGroupOptions> HostGroups { get; } = [];

    /// <summary>Changes to a monitor's settings for one host group or one object. None by default.</summary>
    public IList<MonitorOverrideOptions> Overrides { get; } = [];

    /// <summary>Maintenance windows kept in the configuration (more can be set through the API). None by default.</summary>
    public IList<MaintenanceWindowOptions> MaintenanceWindows { get; } = [];

    /// <summary>Custom alert resolution states, numbered 2-248 (0 New, 249 Acknowledged, 255 Closed are built in). None by default.</summary>
    public IList<ResolutionStateOptions> ResolutionStates { get; } = [];
}
