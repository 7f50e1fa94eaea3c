namespace Monitoring.Storage.Records;

/// <summary>A stored datacenter.</summary>
public sealed class DatacenterRecord : IInventoryRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
