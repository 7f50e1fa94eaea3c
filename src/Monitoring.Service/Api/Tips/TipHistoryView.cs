using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.Tips;

/// <summary>One step of a tip's history: when, to what status, who or what did it, and why.</summary>
internal sealed record TipHistoryView(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("note")] string? Note);
