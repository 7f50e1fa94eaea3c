namespace Monitoring.HealthModel.Model;

/// <summary>One node of the health tree.</summary>
/// <param name="Id">An inventory id (<c>target/key</c>), a host group id (<c>group:NAME</c>), or <c>estate</c>.</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="ParentId">The node its health rolls up into; null only for the estate.</param>
public sealed record HealthObject(string Id, HealthObjectKind Kind, string? ParentId);
