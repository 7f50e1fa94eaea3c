using System.Text.Json.Serialization;

namespace Monitoring.Service.Exports.Feed;

/// <summary>The body of <c>POST /api/v1/alert-feed/ack</c>: <c>{ "connector": "opsmgr", "bookmark": "..." }</c>. Nothing else is accepted.</summary>
internal sealed record AlertFeedAck
{
    [JsonPropertyName("connector")]
    public required string Connector { get; init; }

    [JsonPropertyName("bookmark")]
    public required string Bookmark { get; init; }
}
