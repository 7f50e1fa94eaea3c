using System.Text.Json.Serialization;

namespace Monitoring.HealthModel.Alerts;

/// <summary>One alert as <c>alerts --json</c> and the API show it (CONTRACTS.md): <c>id</c>, <c>name</c>, <c>severity</c>,
/// <c>priority</c>, <c>state</c> (open | closed), <c>resolutionState</c>, <c>object</c>, <c>repeatCount</c>, <c>raisedAt</c>;
/// then what the contract leaves to us.</summary>
public sealed record AlertDocument(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("resolutionState")] int ResolutionState,
    [property: JsonPropertyName("object")] string ObjectId,
    [property: JsonPropertyName("repeatCount")] int RepeatCount,
    [property: JsonPropertyName("raisedAt")] DateTimeOffset RaisedAt,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("lastModifiedAt")] DateTimeOffset LastModifiedAt,
    [property: JsonPropertyName("resolvedAt")] DateTimeOffset? ResolvedAt,
    [property: JsonPropertyName("resolvedBy")] string? ResolvedBy)
{
    public static AlertDocument From(Alert alert) => new(
        alert.Id,
        alert.Name,
        alert.Severity.ToString(),
        alert.Priority.ToString(),
        alert.IsOpen ? "open" : "closed",
        alert.ResolutionState.Value,
        alert.ObjectId,
        alert.RepeatCount,
        alert.RaisedAt,
        alert.Description,
        alert.Owner,
        alert.LastModifiedAt,
        alert.ResolvedAt,
        alert.ResolvedBy);
}
