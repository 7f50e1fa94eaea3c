namespace Monitoring.Core.Configuration;

/// <summary>One entry of <c>Monitoring:Health:HostGroups</c>.</summary>
public sealed class HostGroupOptions
{
    /// <summary>The group's name (letters, digits, <c>. _ -</c>); overrides and windows name it. Required.</summary>
    public string? Name { get; set; }

    /// <summary>The enclosing group's name; absent for a group directly under the estate.</summary>
    public string? Parent { get; set; }

    /// <summary>Inventory ids of the clusters and hosts it holds (<c>vc01/domain-c7</c>, <c>vc01/host-21</c>).</summary>
    public IList<string> Members { get; } = [];

    /// <summary>How the members' states make the group's: <c>WorstOf</c> (the default), <c>BestOf</c> or
    /// <c>Percentage</c> (with <see cref="HealthyPercent"/>).</summary>
    public string? Rollup { get; set; }

    /// <summary>For <c>Percentage</c>: the share of members (1-100) that must be healthy for the group to be healthy.</summary>
    public int? HealthyPercent { get; set; }
}
