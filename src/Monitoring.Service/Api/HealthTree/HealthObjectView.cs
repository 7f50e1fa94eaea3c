using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.HealthTree;

/// <summary>An object's health: <c>{ object, kind, name, state, inMaintenance, since }</c>; one object adds
/// <c>monitors</c> and <c>parent</c>.</summary>
internal sealed record HealthObjectView(
    [property: JsonPropertyName("object")] string ObjectId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("inMaintenance")] bool InMaintenance,
    [property: JsonPropertyName("since")] DateTimeOffset? Since)
{
    [JsonPropertyName("cause")]
    public string? Cause { get; init; }

    [JsonPropertyName("monitors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MonitorStateView>? Monitors { get; init; }

    [JsonPropertyName("parent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Parent { get; init; }
}
