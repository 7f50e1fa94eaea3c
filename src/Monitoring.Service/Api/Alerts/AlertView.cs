using System.Text.Json.Serialization;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;

namespace Monitoring.Service.Api.Alerts;

/// <summary>One alert as the API, <c>alerts --json</c> and the exports show it: the contract's fields (<c>id</c>, <c>name</c>,
/// <c>severity</c>, <c>priority</c>, <c>state</c>, <c>resolutionState</c>, <c>object</c>, <c>repeatCount</c>, <c>raisedAt</c>)
/// then ours. <c>comments</c> only on one alert (<c>GET /api/v1/alerts/{id}</c>).</summary>
internal sealed record AlertView(
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
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("lastModifiedAt")] DateTimeOffset LastModifiedAt,
    [property: JsonPropertyName("resolvedAt")] DateTimeOffset? ResolvedAt,
    [property: JsonPropertyName("resolvedBy")] string? ResolvedBy,
    [property: JsonPropertyName("inMaintenance")] bool InMaintenance)
{
    [JsonPropertyName("comments")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AlertCommentView>? Comments { get; init; }

    public static AlertView From(Alert alert, bool inMaintenance, bool withComments = false)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertView(
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
            TargetOf(alert.ObjectId),
            alert.Source,
            alert.Owner,
            alert.LastModifiedAt,
            alert.ResolvedAt,
            alert.ResolvedBy,
            inMaintenance)
        {
            Comments = withComments ? [.. alert.Comments.Select(c => new AlertCommentView(c.At, c.Author, c.Text))] : null,
        };
    }

    /// <summary>The target's config name: the part of an inventory id before its first '/', or the name in <c>target:NAME</c>.</summary>
    public static string? TargetOf(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        var prefix = HealthTopologyBuilder.TargetNodeId(string.Empty);
        if (objectId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return objectId[prefix.Length..];
        }

        var slash = objectId.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? objectId[..slash] : null;
    }
}
