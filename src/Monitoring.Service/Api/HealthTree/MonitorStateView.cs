using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.HealthTree;

/// <summary>One unit monitor of an object: <c>{ name, state, since, cause, flapping }</c>.</summary>
internal sealed record MonitorStateView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("since")] DateTimeOffset? Since,
    [property: JsonPropertyName("cause")] string? Cause,
    [property: JsonPropertyName("flapping")] bool Flapping);
