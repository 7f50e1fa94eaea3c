using System.Text.Json.Serialization;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Api.Alerts;

namespace Monitoring.Service.Exports;

/// <summary>One alert change as the connector feed and the webhooks send it: <c>sequence</c> (its place in the change
/// log), <c>change</c> (<c>raised</c> for the change that created the alert, else <c>updated</c>) and <c>changedAt</c>,
/// then the alert right after the change exactly as <c>GET /api/v1/alerts/{id}</c> shows it (<see cref="AlertView"/>
/// with its comments; <c>inMaintenance</c> as it stands when the change is read).</summary>
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
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("lastModifiedAt")] DateTimeOffset LastModifiedAt,
    [property: JsonPropertyName("resolvedAt")] DateTimeOffset? ResolvedAt,
    [property: JsonPropertyName("resolvedBy")] string? ResolvedBy,
    [property: JsonPropertyName("inMaintenance")] bool InMaintenance,
    [property: JsonPropertyName("comments")] IReadOnlyList<AlertCommentView> Comments)
{
    public const string Raised = "raised";
    public const string Updated = "updated";

    public static AlertChangeDocument From(AlertChange change, Func<string, bool> inMaintenance)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(inMaintenance);
        var v = AlertView.From(change.Alert, inMaintenance(change.Alert.ObjectId), withComments: true);
        return new AlertChangeDocument(
            change.Sequence, change.IsNew ? Raised : Updated, change.At,
            v.Id, v.Name, v.Severity, v.Priority, v.State, v.ResolutionState, v.ObjectId, v.RepeatCount, v.RaisedAt, v.Description,
            v.Target, v.Source, v.Owner, v.LastModifiedAt, v.ResolvedAt, v.ResolvedBy, v.InMaintenance, v.Comments ?? []);
    }
}
