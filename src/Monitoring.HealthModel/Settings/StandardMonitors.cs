using Monitoring.Core.Model;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Monitors;

namespace Monitoring.HealthModel.Settings;

/// <summary>The monitors the product ships, with their default thresholds. Operators change them with
/// overrides per host group or object; the management pack's monitors use the same defaults.</summary>
public static class StandardMonitors
{
    /// <summary>Free space of a datastore as a share of its capacity, 0-1 (computed from the inventory's
    /// capacity and free bytes; vSphere has no realtime counter for it).</summary>
    public const string DatastoreFreeRatio = "datastore.free";

    public static MonitorDefinition HostCpu { get; } = MonitorDefinition.Threshold(
            "host.cpu", HealthObjectKind.Host, "Host CPU pressure", PerformanceMetric.CpuUsage,
            new ThresholdSettings(Warning: 0.80, Critical: 0.90, Hysteresis: 0.05), minimum: 0, maximum: 1)
        with { Alert = new MonitorAlertSettings("VirtHostCpuPressure", AlertPriority.High) };

    public static MonitorDefinition HostMemory { get; } = MonitorDefinition.Threshold(
            "host.memory", HealthObjectKind.Host, "Host memory pressure", PerformanceMetric.MemoryUsage,
            new ThresholdSettings(Warning: 0.85, Critical: 0.95, Hysteresis: 0.03), minimum: 0, maximum: 1)
        with { Alert = new MonitorAlertSettings("VirtHostMemoryPressure", AlertPriority.High) };

    public static MonitorDefinition VmCpu { get; } = MonitorDefinition.Threshold(
            "vm.cpu", HealthObjectKind.Vm, "VM CPU saturation", PerformanceMetric.CpuUsage,
            new ThresholdSettings(Warning: 0.90, Critical: 0.97, ConsecutiveSamples: 6, Hysteresis: 0.05), minimum: 0, maximum: 1)
        with { Alert = new MonitorAlertSettings("VirtVmCpuSaturation", AlertPriority.Normal, RaiseAt: HealthState.Critical) };

    public static MonitorDefinition DatastoreSpace { get; } = MonitorDefinition.Threshold(
            "datastore.space", HealthObjectKind.Datastore, "Datastore free space", DatastoreFreeRatio,
            new ThresholdSettings(Warning: 0.15, Critical: 0.05, ThresholdDirection.Falling, ConsecutiveSamples: 1, Hysteresis: 0.02),
            minimum: 0, maximum: 1)
        with { Alert = new MonitorAlertSettings("VirtDatastoreSpaceLow", AlertPriority.High) };

    public static MonitorDefinition TargetAvailability { get; } = MonitorDefinition.ForAvailability(
            "target.availability", HealthObjectKind.Target, "Target availability", AvailabilitySettings.Default)
        with { Alert = new MonitorAlertSettings("VirtTargetUnreachable", AlertPriority.High) };

    /// <summary>Realtime data keeps arriving (20-second samples; three intervals missed is critical).</summary>
    public static MonitorDefinition TargetData { get; } = MonitorDefinition.ForHeartbeat(
            "target.data", HealthObjectKind.Target, "Target performance data", new HeartbeatSettings(TimeSpan.FromSeconds(20)))
        with { Alert = new MonitorAlertSettings("VirtTargetDataStale", AlertPriority.Normal) };

    public static MonitorDefinition HostStatus { get; } = MonitorDefinition.ForSourceStatus(
            "host.status", HealthObjectKind.Host, "Host status reported by the source")
        with { Alert = new MonitorAlertSettings("VirtHostUnhealthy", AlertPriority.Normal, RaiseAt: HealthState.Critical) };

    public static MonitorDefinition VmStatus { get; } = MonitorDefinition.ForSourceStatus(
        "vm.status", HealthObjectKind.Vm, "VM status reported by the source");

    public static MonitorDefinition ClusterStatus { get; } = MonitorDefinition.ForSourceStatus(
        "cluster.status", HealthObjectKind.Cluster, "Cluster status reported by the source");

    public static MonitorDefinition DatastoreStatus { get; } = MonitorDefinition.ForSourceStatus(
            "datastore.status", HealthObjectKind.Datastore, "Datastore status reported by the source")
        with { Alert = new MonitorAlertSettings("VirtDatastoreUnhealthy", AlertPriority.Normal, RaiseAt: HealthState.Critical) };

    public static IReadOnlyList<MonitorDefinition> All { get; } =
    [
        HostCpu, HostMemory, VmCpu, DatastoreSpace, TargetAvailability, TargetData,
        HostStatus, VmStatus, ClusterStatus, DatastoreStatus,
    ];
}
