using System.Text.Json.Serialization;

namespace Monitoring.Service.Exports;

/// <summary>A comment on an alert: <c>{ at, author, text }</c>.</summary>
internal sealed record AlertCommentDocument(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("text")] string Text);
