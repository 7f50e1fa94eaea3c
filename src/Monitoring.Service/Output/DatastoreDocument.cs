namespace Monitoring.Service.Output;

/// <summary>A datastore in the JSON output.</summary>
internal sealed record DatastoreDocument(
    string Id,
    string Target,
    string Name,
    string Health,
    string? HealthReason,
    long? CapacityBytes,
    long? FreeBytes,
    string? Type,
    bool Accessible,
    DateTimeOffset? GoneAt);
