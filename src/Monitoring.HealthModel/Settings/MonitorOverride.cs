namespace Monitoring.HealthModel.Settings;

/// <summary>Changes a monitor's settings for one host group (and everything in it) or one object.</summary>
/// <remarks>Precedence, from weakest: the definition's defaults, the outermost host group's override, inner
/// groups' overrides, the object's own override. Each override sets only the values it names.
/// Exactly one of <paramref name="HostGroup"/> and <paramref name="ObjectId"/> is set.</remarks>
/// <param name="Monitor">The monitor's name.</param>
/// <param name="HostGroup">A host group's name.</param>
/// <param name="ObjectId">An inventory id.</param>
/// <param name="Enabled">Turns the monitor off (or back on) for the scope.</param>
/// <param name="Warning">Threshold monitors only.</param>
/// <param name="Critical">Threshold monitors only.</param>
/// <param name="ConsecutiveSamples">Threshold monitors only.</param>
/// <param name="Hysteresis">Threshold monitors only.</param>
public sealed record MonitorOverride(
    string Monitor,
    string? HostGroup = null,
    string? ObjectId = null,
    bool? Enabled = null,
    double? Warning = null,
    double? Critical = null,
    int? ConsecutiveSamples = null,
    double? Hysteresis = null)
{
    public bool ChangesThresholds => Warning is not null || Critical is not null || ConsecutiveSamples is not null || Hysteresis is not null;

    public string Scope => HostGroup is not null ? $"host group \"{HostGroup}\"" : $"object \"{ObjectId}\"";
}
