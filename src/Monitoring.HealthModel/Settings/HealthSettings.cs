using Monitoring.HealthModel.Monitors;
using Monitoring.HealthModel.Rollup;

namespace Monitoring.HealthModel.Settings;

/// <summary>Everything the health engine is configured with. Not bound to the configuration file yet:
/// the service builds it (from <see cref="StandardMonitors"/> plus the operator's overrides) once the
/// thresholds section exists. Host groups are part of the health tree (<see cref="Model.HealthTopologyBuilder.AddHostGroup"/>),
/// so overrides and maintenance windows can name them.</summary>
public sealed record HealthSettings
{
    public IReadOnlyList<MonitorDefinition> Monitors { get; init; } = StandardMonitors.All;

    public IReadOnlyList<MonitorOverride> Overrides { get; init; } = [];

    public RollupRules Rollup { get; init; } = RollupRules.Default;

    public FlappingSettings Flapping { get; init; } = new();
}
