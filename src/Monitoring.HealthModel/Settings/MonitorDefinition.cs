using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Monitors;

namespace Monitoring.HealthModel.Settings;

/// <summary>A monitor as defined once for the estate: what it watches, on which kind of object, its default
/// settings and its alert. Overrides change the settings per host group or object.</summary>
/// <remarks>Use the factory methods; each kind reads only its own settings.</remarks>
public sealed record MonitorDefinition
{
    private MonitorDefinition(string name, MonitorKind kind, HealthObjectKind appliesTo, string displayName)
    {
        Name = name;
        Kind = kind;
        AppliesTo = appliesTo;
        DisplayName = displayName;
    }

    /// <summary>The monitor's id (for example <c>host.cpu</c>); overrides name it.</summary>
    public string Name { get; }

    public MonitorKind Kind { get; }

    public HealthObjectKind AppliesTo { get; }

    public string DisplayName { get; }

    /// <summary>The metric a threshold monitor reads (the names of <c>PerformanceMetric</c>).</summary>
    public string? Metric { get; private init; }

    public ThresholdSettings? Thresholds { get; private init; }

    /// <summary>The least value the metric can take (0 for a ratio); a threshold below it can never be reached.</summary>
    public double Minimum { get; private init; } = double.NegativeInfinity;

    /// <summary>The greatest value the metric can take (1 for a ratio).</summary>
    public double Maximum { get; private init; } = double.PositiveInfinity;

    public AvailabilitySettings? Availability { get; private init; }

    public HeartbeatSettings? Heartbeat { get; private init; }

    public MonitorAlertSettings? Alert { get; init; }

    public static MonitorDefinition Threshold(
        string name, HealthObjectKind appliesTo, string displayName, string metric, ThresholdSettings defaults,
        double minimum = double.NegativeInfinity, double maximum = double.PositiveInfinity) =>
        new(name, MonitorKind.Threshold, appliesTo, displayName)
        {
            Metric = metric, Thresholds = defaults, Minimum = minimum, Maximum = maximum,
        };

    public static MonitorDefinition ForAvailability(string name, HealthObjectKind appliesTo, string displayName, AvailabilitySettings settings) =>
        new(name, MonitorKind.Availability, appliesTo, displayName) { Availability = settings };

    public static MonitorDefinition ForHeartbeat(string name, HealthObjectKind appliesTo, string displayName, HeartbeatSettings settings) =>
        new(name, MonitorKind.Heartbeat, appliesTo, displayName) { Heartbeat = settings };

    public static MonitorDefinition ForSourceStatus(string name, HealthObjectKind appliesTo, string displayName) =>
        new(name, MonitorKind.SourceStatus, appliesTo, displayName);

    /// <summary>Every reason the defaults cannot work; empty when they can.</summary>
    public IReadOnlyList<string> Problems() => Kind switch
    {
        MonitorKind.Threshold when Thresholds is null || string.IsNullOrEmpty(Metric) => ["a threshold monitor needs a metric and thresholds"],
        MonitorKind.Threshold => Thresholds!.Problems(Minimum, Maximum),
        MonitorKind.Availability => Availability?.Problems() ?? ["an availability monitor needs its settings"],
        MonitorKind.Heartbeat => Heartbeat?.Problems() ?? ["a heartbeat monitor needs its settings"],
        _ => [],
    };
}
