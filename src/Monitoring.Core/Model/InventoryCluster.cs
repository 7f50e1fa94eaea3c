namespace Monitoring.Core.Model;

/// <summary>A cluster or host group: the unit capacity and balancing work on.</summary>
public sealed record InventoryCluster(string Id, string Target, string Name, string? DatacenterId, Health Health);
