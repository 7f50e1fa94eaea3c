using System.Text.Json.Serialization;

namespace Monitoring.Service.Api.Maintenance;

/// <summary>The body of <c>POST /api/v1/maintenance</c>: <c>{ "object" or "hostGroup", "from"? (default now), "to" or "durationMinutes", "reason" }</c>.</summary>
internal sealed record CreateMaintenanceRequest(
    [property: JsonPropertyName("object")] string? ObjectId = null,
    string? HostGroup = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? DurationMinutes = null,
    string? Reason = null);
