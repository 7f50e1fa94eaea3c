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
}
