using System.Text.Json.Serialization;

namespace Monitoring.Service.Exports.Feed;

/// <summary>The reply of <c>POST /api/v1/alert-feed/ack</c>: the connector and its bookmark as now stored (an older
/// bookmark than the stored one leaves it unchanged).</summary>
internal sealed record AlertFeedAcknowledged(
    [property: JsonPropertyName("connector")] string Connector,
    [property: JsonPropertyName("bookmark")] string Bookmark);
