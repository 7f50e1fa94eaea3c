using System.Text.Json.Serialization;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Storage;

namespace Monitoring.Service.Exports;

/// <summary>One alert change as the connector feed and the webhooks send it: the alert right after the change, as
/// <c>GET /api/v1/alerts/{id}</c> shows an alert (the contract's <c>alerts --json</c> item, then <c>description</c>,
/// <c>target</c>, <c>source</c>, <c>owner</c>, <c>lastModifiedAt</c>, <c>resolvedAt</c>, <c>resolvedBy</c>,
/// <c>comments</c>), plus <c>sequence</c> (its place in the change log), <c>change</c> (<c>raised</c> for the change
/// that created the alert, else <c>updated</c>) and <c>changedAt</c>.</summary>
internal sealed record AlertChangeDocument(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("changedAt")] DateTimeOffset ChangedAt,
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
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("lastModifiedAt")] DateTimeOffset LastModifiedAt,
    [property: JsonPropertyName("resolvedAt")] DateTimeOffset? ResolvedAt,
    [property: JsonPropertyName("resolvedBy")] string? ResolvedBy,
    [property: JsonPropertyName("comments")] IReadOnlyList<AlertCommentDocument> Comments)
{
    public const string Raised = "raised";
    public const string Updated = "updated";

    public static AlertChangeDocument From(AlertChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var alert = change.Alert;
        var d = AlertDocument.From(alert);
        return new AlertChangeDocument(
            change.Sequence, change.IsNew ? Raised : Updated, change.At,
            d.Id, d.Name, d.Severity, d.Priority, d.State, d.ResolutionState, d.ObjectId, d.RepeatCount, d.RaisedAt, d.Description,
            AlertTargets.Of(alert.ObjectId), alert.Source, d.Owner, d.LastModifiedAt, d.ResolvedAt, d.ResolvedBy,
            alert.Comments.Select(c => new AlertCommentDocument(c.At, c.Author, c.Text)).ToList());
    }
}
