namespace Monitoring.HealthModel.Model;

/// <summary>A host group: a named set of clusters and hosts that share settings, maintenance windows
/// and a rollup, the way VMM groups hosts.</summary>
/// <param name="Name">The group's name; its node id is <c>group:NAME</c>.</param>
/// <param name="Members">Inventory ids of the clusters and hosts it holds (a host in a cluster follows its cluster).</param>
/// <param name="Parent">The enclosing group's name, or null for a group directly under the estate.</param>
public sealed record HostGroup(string Name, IReadOnlyList<string> Members, string? Parent = null)
{
    public const string IdPrefix = "group:";

    public string Id => IdPrefix + Name;
}
