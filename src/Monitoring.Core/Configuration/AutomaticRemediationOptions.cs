namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Remediation:Automatic</c> section: limits on what automatic mode may do by
/// itself. Which host groups are automatic, and for which severities, is set per host group under
/// <c>Monitoring:Balancer:HostGroups[].Automatic</c>.</summary>
public sealed class AutomaticRemediationOptions
{
    public const int DefaultMaxConcurrent = 1;
    public const int DefaultMaxPerHour = 10;
    public const int DefaultIntervalSeconds = 5;

    /// <summary>Automatic implementations under way at once in one host group. Default 1 (1 to 100).</summary>
    public int? MaxConcurrent { get; set; }

    /// <summary>Automatic implementations started in one host group within any sliding hour. Default 10 (1 to 1,000).</summary>
    public int? MaxPerHour { get; set; }

    /// <summary>Seconds between two looks at the open tips. Default 5 (1 to 3,600).</summary>
    public int? IntervalSeconds { get; set; }
}
