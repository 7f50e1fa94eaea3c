using Monitoring.Core.Configuration;
using Monitoring.Core.Model;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Monitors;

namespace Monitoring.HealthModel.Settings;

/// <summary>The monitors the product ships. Their thresholds are not kept here: they come from
/// <c>Monitoring:Thresholds</c> (<see cref="Thresholds"/>), the one place the Prometheus rules and the management
/// pack read too. Operators change them per host group or object with overrides.</summary>
public static class StandardMonitors
{
    /// <summary>Free space of a datastore as a share of its capacity, 0-1 (computed from the inventory's
    /// capacity and free bytes; vSphere has no realtime counter for it).</summary>
    public const string DatastoreFreeRatio = "datastore.free";

    /// <summary>The realtime interval the defaults assume (vSphere's 20-second samples).</summary>
    public static readonly TimeSpan DefaultRealtimeInterval = TimeSpan.FromSeconds(20);

    public const string HostCpuName = "host.cpu";
    public const string HostMemoryName = "host.memory";
    public const string VmCpuName = "vm.cpu";
    public const string DatastoreSpaceName = "datastore.space";
    public const string TargetAvailabilityName = "target.availability";
    public const string TargetDataName = "target.data";

    public static MonitorDefinition HostCpu => All[0];

    public static MonitorDefinition HostMemory => All[1];

    public static MonitorDefinition VmCpu => All[2];

    public static MonitorDefinition DatastoreSpace => All[3];

    public static MonitorDefinition TargetAvailability => All[4];

    public static MonitorDefinition TargetData => All[5];

    /// <summary>Every standard monitor with the default thresholds.</summary>
    public static IReadOnlyList<MonitorDefinition> All { get; } = From(Thresholds.Default, DefaultRealtimeInterval);

    /// <summary>Every standard monitor with <paramref name="thresholds"/>: a host must stay past a CPU or memory
    /// threshold for <see cref="Thresholds.HostPressureFor"/> (that many realtime samples in a row), a target is
    /// unavailable once its polls have failed for <see cref="Thresholds.CollectorFailingFor"/>.</summary>
    public static IReadOnlyList<MonitorDefinition> From(Thresholds thresholds, TimeSpan realtimeInterval)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var pressureSamples = Math.Clamp((int)Math.Ceiling(thresholds.HostPressureFor / realtimeInterval), 1, ThresholdSettings.MaxConsecutiveSamples);
        return
        [
            MonitorDefinition.Threshold(
                    HostCpuName, HealthObjectKind.Host, "Host CPU pressure", PerformanceMetric.CpuUsage,
                    new ThresholdSettings(thresholds.HostCpuWarning, thresholds.HostCpuCritical, ConsecutiveSamples: pressureSamples, Hysteresis: 0.05), minimum: 0, maximum: 1)
                with { Alert = new MonitorAlertSettings("VirtHostCpuPressure", AlertPriority.High) },
            MonitorDefinition.Threshold(
                    HostMemoryName, HealthObjectKind.Host, "Host memory pressure", PerformanceMetric.MemoryUsage,
                    new ThresholdSettings(thresholds.HostMemoryWarning, thresholds.HostMemoryCritical, ConsecutiveSamples: pressureSamples, Hysteresis: 0.03), minimum: 0, maximum: 1)
                with { Alert = new MonitorAlertSettings("VirtHostMemoryPressure", AlertPriority.High) },
            MonitorDefinition.Threshold(
                    VmCpuName, HealthObjectKind.Vm, "VM CPU saturation", PerformanceMetric.CpuUsage,
                    new ThresholdSettings(thresholds.VmCpuWarning, thresholds.VmCpuCritical, ConsecutiveSamples: pressureSamples, Hysteresis: 0.05), minimum: 0, maximum: 1)
                with { Alert = new MonitorAlertSettings("VirtVmCpuSaturation", AlertPriority.Normal, RaiseAt: HealthState.Critical) },
            MonitorDefinition.Threshold(
                    DatastoreSpaceName, HealthObjectKind.Datastore, "Datastore free space", DatastoreFreeRatio,
                    new ThresholdSettings(thresholds.DatastoreFreeWarning, thresholds.DatastoreFreeCritical, ThresholdDirection.Falling, ConsecutiveSamples: 1, Hysteresis: 0.02),
                    minimum: 0, maximum: 1)
                with { Alert = new MonitorAlertSettings("VirtDatastoreSpaceLow", AlertPriority.High) },
            MonitorDefinition.ForAvailability(
                    TargetAvailabilityName, HealthObjectKind.Target, "Target availability", new AvailabilitySettings(thresholds.CollectorFailingFor))
                with { Alert = new MonitorAlertSettings("VirtTargetUnreachable", AlertPriority.High) },

            // Realtime data keeps arriving (three intervals missed is critical).
            MonitorDefinition.ForHeartbeat(
                    TargetDataName, HealthObjectKind.Target, "Target performance data", new HeartbeatSettings(realtimeInterval))
                with { Alert = new MonitorAlertSettings("VirtTargetDataStale", AlertPriority.Normal) },
            MonitorDefinition.ForSourceStatus("host.status", HealthObjectKind.Host, "Host status reported by the source")
                with { Alert = new MonitorAlertSettings("VirtHostUnhealthy", AlertPriority.Normal, RaiseAt: HealthState.Critical) },
            MonitorDefinition.ForSourceStatus("vm.status", HealthObjectKind.Vm, "VM status reported by the source"),
            MonitorDefinition.ForSourceStatus("cluster.status", HealthObjectKind.Cluster, "Cluster status reported by the source"),
            MonitorDefinition.ForSourceStatus("datastore.status", HealthObjectKind.Datastore, "Datastore status reported by the source")
                with { Alert = new MonitorAlertSettings("VirtDatastoreUnhealthy", AlertPriority.Normal, RaiseAt: HealthState.Critical) },
        ];
    }
}
