namespace Monitoring.Core.Model;

/// <summary>A datacenter: the top of a vSphere inventory tree.</summary>
public sealed record InventoryDatacenter(string Id, string Target, string Name);
