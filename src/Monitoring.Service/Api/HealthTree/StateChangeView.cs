using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.HealthTree;

/// <summary>One entry of the state history: <c>{ object, monitor (null = rolled up), from, to, at, cause, inMaintenance }</c>.</summary>
internal sealed record StateChangeView(
    [property: JsonPropertyName("object")] string ObjectId,
    [property: JsonPropertyName("monitor")] string? Monitor,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("cause")] string Cause,
    [property: JsonPropertyName("inMaintenance")] bool InMaintenance);
