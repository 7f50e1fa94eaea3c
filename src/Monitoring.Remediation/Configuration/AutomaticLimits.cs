using Monitoring.Core.Configuration;

namespace Monitoring.Remediation.Configuration;

/// <summary>The validated <c>Monitoring:Remediation:Automatic</c> section: how much automatic mode may do by itself.</summary>
/// <param name="MaxConcurrent">Automatic implementations under way at once in one host group.</param>
/// <param name="MaxPerHour">Automatic implementations started in one host group within any sliding hour.</param>
/// <param name="Interval">Time between two looks at the open tips.</param>
public sealed record AutomaticLimits(int MaxConcurrent, int MaxPerHour, TimeSpan Interval)
{
    private const string Key = "Monitoring:Remediation:Automatic";

    public static AutomaticLimits Default { get; } = new(
        AutomaticRemediationOptions.DefaultMaxConcurrent,
        AutomaticRemediationOptions.DefaultMaxPerHour,
        TimeSpan.FromSeconds(AutomaticRemediationOptions.DefaultIntervalSeconds));

    /// <summary>Validates <paramref name="options"/>, adding one line per bad key (naming it and what is allowed)
    /// to <paramref name="problems"/> and using the default in its place.</summary>
    public static AutomaticLimits From(AutomaticRemediationOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        return new AutomaticLimits(
            Range(options.MaxConcurrent, AutomaticRemediationOptions.DefaultMaxConcurrent, 1, 100, "MaxConcurrent", problems),
            Range(options.MaxPerHour, AutomaticRemediationOptions.DefaultMaxPerHour, 1, 1000, "MaxPerHour", problems),
            TimeSpan.FromSeconds(Range(options.IntervalSeconds, AutomaticRemediationOptions.DefaultIntervalSeconds, 1, 3600, "IntervalSeconds", problems)));
    }

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
