namespace Monitoring.Core.Configuration;

/// <summary>The validated <c>Monitoring:Thresholds</c> section: shares as ratios (0-1), times as spans.</summary>
public sealed record Thresholds(
    double HostCpuWarning,
    double HostCpuCritical,
    double HostMemoryWarning,
    double HostMemoryCritical,
    TimeSpan HostPressureFor,
    TimeSpan VmDownLookback,
    TimeSpan VmHeartbeatLostFor,
    double DatastoreFreeWarning,
    double DatastoreFreeCritical,
    TimeSpan DatastoreFullWithin,
    TimeSpan DatastoreTrend,
    TimeSpan CollectorFailingFor,
    TimeSpan CollectorStaleAfter)
{
    private const string Key = "Monitoring:Thresholds";

    /// <summary>VM CPU share for a warning (the VM's health monitor; no Prometheus rule reads it).</summary>
    public double VmCpuWarning { get; init; } = ThresholdOptions.DefaultVmCpuWarningPercent / 100.0;

    /// <summary>VM CPU share for critical.</summary>
    public double VmCpuCritical { get; init; } = ThresholdOptions.DefaultVmCpuCriticalPercent / 100.0;

    /// <summary>The defaults: what the checked-in rules file is generated from.</summary>
    public static Thresholds Default { get; } = From(new ThresholdOptions(), []);

    /// <summary>Validates <paramref name="options"/>, adding a line per bad key to <paramref name="problems"/>
    /// and using the default in its place.</summary>
    public static Thresholds From(ThresholdOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var cpu = Pair(options.HostCpuWarningPercent, ThresholdOptions.DefaultHostCpuWarningPercent, options.HostCpuCriticalPercent, ThresholdOptions.DefaultHostCpuCriticalPercent, "HostCpu", problems);
        var vmCpu = Pair(options.VmCpuWarningPercent, ThresholdOptions.DefaultVmCpuWarningPercent, options.VmCpuCriticalPercent, ThresholdOptions.DefaultVmCpuCriticalPercent, "VmCpu", problems);
        var memory = Pair(options.HostMemoryWarningPercent, ThresholdOptions.DefaultHostMemoryWarningPercent, options.HostMemoryCriticalPercent, ThresholdOptions.DefaultHostMemoryCriticalPercent, "HostMemory", problems);

        // Free space: critical is the lower share.
        var freeWarning = Range(options.DatastoreFreeWarningPercent, ThresholdOptions.DefaultDatastoreFreeWarningPercent, 1, 99, "DatastoreFreeWarningPercent", problems);
        var freeCritical = Range(options.DatastoreFreeCriticalPercent, ThresholdOptions.DefaultDatastoreFreeCriticalPercent, 1, 99, "DatastoreFreeCriticalPercent", problems);
        if (freeCritical >= freeWarning)
        {
            problems.Add($"{Key}:DatastoreFreeCriticalPercent: {freeCritical} must be below DatastoreFreeWarningPercent ({freeWarning})");
        }

        return new Thresholds(
            cpu.Warning / 100.0,
            cpu.Critical / 100.0,
            memory.Warning / 100.0,
            memory.Critical / 100.0,
            Minutes(options.HostPressureMinutes, ThresholdOptions.DefaultHostPressureMinutes, 1, 1440, "HostPressureMinutes", problems),
            Minutes(options.VmDownLookbackMinutes, ThresholdOptions.DefaultVmDownLookbackMinutes, 5, 10080, "VmDownLookbackMinutes", problems),
            Minutes(options.VmHeartbeatLostMinutes, ThresholdOptions.DefaultVmHeartbeatLostMinutes, 1, 1440, "VmHeartbeatLostMinutes", problems),
            freeWarning / 100.0,
            freeCritical / 100.0,
            TimeSpan.FromHours(Range(options.DatastoreFullWithinHours, ThresholdOptions.DefaultDatastoreFullWithinHours, 1, 24 * 90, "DatastoreFullWithinHours", problems)),
            TimeSpan.FromHours(Range(options.DatastoreTrendHours, ThresholdOptions.DefaultDatastoreTrendHours, 1, 24 * 30, "DatastoreTrendHours", problems)),
            Minutes(options.CollectorFailingMinutes, ThresholdOptions.DefaultCollectorFailingMinutes, 0, 1440, "CollectorFailingMinutes", problems),
            Minutes(options.CollectorStaleMinutes, ThresholdOptions.DefaultCollectorStaleMinutes, 1, 10080, "CollectorStaleMinutes", problems))
        {
            VmCpuWarning = vmCpu.Warning / 100.0,
            VmCpuCritical = vmCpu.Critical / 100.0,
        };
    }

    private static (int Warning, int Critical) Pair(int? warning, int warningDefault, int? critical, int criticalDefault, string stem, List<string> problems)
    {
        var w = Range(warning, warningDefault, 1, 100, $"{stem}WarningPercent", problems);
        var c = Range(critical, criticalDefault, 1, 100, $"{stem}CriticalPercent", problems);
        if (w >= c)
        {
            problems.Add($"{Key}:{stem}WarningPercent: {w} must be below {stem}CriticalPercent ({c})");
        }

        return (w, c);
    }

    private static TimeSpan Minutes(int? value, int fallback, int min, int max, string name, List<string> problems) =>
        TimeSpan.FromMinutes(Range(value, fallback, min, max, name, problems));

    private static int Range(int? value, int fallback, int min, int max, string name, List<string> problems)
    {
        var v = value ?? fallback;
        if (v < min || v > max)
        {
            problems.Add($"{Key}:{name}: {v} is out of range; allowed {min} to {max} (default {fallback})");
            return fallback;
        }

        return v;
    }
}
