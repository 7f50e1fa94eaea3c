using Monitoring.Core.Model;

namespace Monitoring.Storage.Records;

/// <summary>A stored datastore.</summary>
public sealed class DatastoreRecord : IListedInventoryRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    public required string Name { get; set; }

    public string? DatacenterId { get; set; }

    public HealthState Health { get; set; }

    public string? HealthReason { get; set; }

    public long? CapacityBytes { get; set; }

    public long? FreeBytes { get; set; }

    public string? Type { get; set; }

    public bool Accessible { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
