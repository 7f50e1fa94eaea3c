using System.Text.Json.Serialization;

namespace Monitoring.Service.Exports.Feed;

/// <summary>A reply of <c>GET /api/v1/alert-feed</c>: the changes, oldest first, and the bookmark after the last of them
/// (to acknowledge them, or to read on with <c>after</c>).</summary>
internal sealed record AlertFeedPage(
    [property: JsonPropertyName("items")] IReadOnlyList<AlertChangeDocument> Items,
    [property: JsonPropertyName("bookmark")] string Bookmark);
