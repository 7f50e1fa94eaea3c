using System.Text.Json.Serialization;

namespace Monitoring.Service.Exports.Alertmanager;

/// <summary>One alert of Alertmanager's v2 <c>POST /api/v2/alerts</c> body (its <c>postableAlert</c>).</summary>
/// <remarks>Alertmanager identifies an alert by its label set alone (the fingerprint): posting the same labels again
/// updates that alert, so re-sends never duplicate. Without <c>endsAt</c> it stays firing until its
/// <c>resolve_timeout</c> passes with no re-send; with an <c>endsAt</c> in the past it is resolved.</remarks>
internal sealed record PostableAlert(
    [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string> Labels,
    [property: JsonPropertyName("annotations")] IReadOnlyDictionary<string, string> Annotations,
    [property: JsonPropertyName("startsAt")] DateTimeOffset StartsAt,
    [property: JsonPropertyName("endsAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EndsAt)
{
    /// <summary>The label set as one string, for comparing: what Alertmanager's fingerprint is computed from.</summary>
    public string LabelKey => string.Join('\n', Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));
}
