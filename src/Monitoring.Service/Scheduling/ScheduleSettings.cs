using Monitoring.Core.Configuration;

namespace Monitoring.Service.Scheduling;

/// <summary>The validated <c>Monitoring:Schedule</c> section.</summary>
internal sealed record ScheduleSettings(TimeSpan FirstPollWithin, TimeSpan InventoryInterval, TimeSpan RealtimeInterval, int MaxConcurrentTargets)
{
    public static ScheduleSettings Default { get; } = From(new ScheduleOptions(), []);

    /// <summary>Validates <paramref name="options"/>, adding a line per bad key to <paramref name="problems"/>.</summary>
    public static ScheduleSettings From(ScheduleOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Key = "Monitoring:Schedule";
        var first = Range(options.FirstPollWithinSeconds, ScheduleOptions.DefaultFirstPollWithinSeconds, 1, 3600, $"{Key}:FirstPollWithinSeconds", problems);
        var inventory = Range(options.InventoryIntervalSeconds, ScheduleOptions.DefaultInventoryIntervalSeconds, 10, 86400, $"{Key}:InventoryIntervalSeconds", problems);
        // Each realtime pass reads the last three 20 s samples (one minute): a longer interval would miss samples.
        var realtime = Range(options.RealtimeIntervalSeconds, ScheduleOptions.DefaultRealtimeIntervalSeconds, 5, 60, $"{Key}:RealtimeIntervalSeconds", problems);
        var concurrent = Range(options.MaxConcurrentTargets, ScheduleOptions.DefaultMaxConcurrentTargets, 1, 256, $"{Key}:MaxConcurrentTargets", problems);
        return new ScheduleSettings(TimeSpan.FromSeconds(first), TimeSpan.FromSeconds(inventory), TimeSpan.FromSeconds(realtime), concurrent);
    }

    internal static int Range(int? value, int fallback, int min, int max, string key, List<string> problems)
    {
        var v = value ?? fallback;
        if (v < min || v > max)
        {
            problems.Add($"{key}: {v} is out of range; allowed {min} to {max} (default {fallback})");
            return fallback;
        }

        return v;
    }
}
