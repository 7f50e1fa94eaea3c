namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Thresholds</c> section: when a measure counts as a problem. The one place
/// these values live: the Prometheus rules (<c>monitoring rules</c>) are generated from it, and health
/// monitors read the same values.</summary>
/// <remarks>Shares are whole percentages (85 means 0.85 of capacity), like every other number in the
/// configuration; the rules compare them as ratios.</remarks>
public sealed class ThresholdOptions
{
    public const int DefaultHostCpuWarningPercent = 85;
    public const int DefaultHostCpuCriticalPercent = 95;
    public const int DefaultHostMemoryWarningPercent = 90;
    public const int DefaultHostMemoryCriticalPercent = 95;
    public const int DefaultHostPressureMinutes = 15;
    public const int DefaultVmDownLookbackMinutes = 60;
    public const int DefaultVmHeartbeatLostMinutes = 5;
    public const int DefaultDatastoreFreeWarningPercent = 20;
    public const int DefaultDatastoreFreeCriticalPercent = 5;
    public const int DefaultDatastoreFullWithinHours = 24;
    public const int DefaultDatastoreTrendHours = 6;
    public const int DefaultCollectorFailingMinutes = 1;
    public const int DefaultCollectorStaleMinutes = 10;
    public const int DefaultVmCpuWarningPercent = 90;
    public const int DefaultVmCpuCriticalPercent = 97;

    /// <summary>Host CPU in use, percent of capacity, above which a host is under pressure (warning). Default 85.</summary>
    public int? HostCpuWarningPercent { get; set; }

    /// <summary>Host CPU in use, percent, for a critical alert. Default 95.</summary>
    public int? HostCpuCriticalPercent { get; set; }

    /// <summary>Host memory in use, percent of its memory, for a warning. Default 90.</summary>
    public int? HostMemoryWarningPercent { get; set; }

    /// <summary>Host memory in use, percent, for a critical alert. Default 95.</summary>
    public int? HostMemoryCriticalPercent { get; set; }

    /// <summary>Minutes a host must stay above a CPU or memory threshold before it alerts. Default 15.</summary>
    public int? HostPressureMinutes { get; set; }

    /// <summary>A VM that is not powered on alerts when it was running within this many minutes; after
    /// that it counts as intentionally off. Default 60.</summary>
    public int? VmDownLookbackMinutes { get; set; }

    /// <summary>Minutes a running VM's guest heartbeat must stay lost (vSphere red) before it alerts. Default 5.</summary>
    public int? VmHeartbeatLostMinutes { get; set; }

    /// <summary>Free space, percent of capacity, below which a datastore predicted to fill up alerts (warning);
    /// below it with no trend needed for a critical alert. Default 20.</summary>
    public int? DatastoreFreeWarningPercent { get; set; }

    /// <summary>Free space, percent of capacity, below which a datastore is critical whatever its trend. Default 5.</summary>
    public int? DatastoreFreeCriticalPercent { get; set; }

    /// <summary>A datastore alerts when its free space is predicted to reach zero within this many hours. Default 24.</summary>
    public int? DatastoreFullWithinHours { get; set; }

    /// <summary>Hours of history the fill prediction is fitted to. Default 6.</summary>
    public int? DatastoreTrendHours { get; set; }

    /// <summary>Minutes a target's passes must keep failing before it alerts. Default 1 (with a 30 s scrape
    /// and rule evaluation that stays within the contract's two minutes).</summary>
    public int? CollectorFailingMinutes { get; set; }

    /// <summary>Minutes without a successful pass after which a target's values count as stale. Default 10.</summary>
    public int? CollectorStaleMinutes { get; set; }

    /// <summary>VM CPU in use, percent of its vCPUs, for a warning on the VM's health (health monitor only). Default 90.</summary>
    public int? VmCpuWarningPercent { get; set; }

    /// <summary>VM CPU in use, percent, for a critical state and an alert (health monitor only). Default 97.</summary>
    public int? VmCpuCriticalPercent { get; set; }
}
