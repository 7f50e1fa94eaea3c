namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Balancer:HostGroups</c>.</summary>
public sealed class HostGroupBalancingOptions
{
    /// <summary>The cluster (host group): its inventory id (<c>vc01/domain-c7</c>) or its name. Required.</summary>
    public string? Name { get; set; }

    /// <summary>1 (only the most urgent moves) to 5 (any improvement). Default: the section's.</summary>
    public int? MigrationThreshold { get; set; }

    /// <summary>Which tips the engine implements by itself: <c>Off</c> (default), <c>Critical</c>,
    /// <c>WarningAndCritical</c>.</summary>
    public string? Automatic { get; set; }
}
