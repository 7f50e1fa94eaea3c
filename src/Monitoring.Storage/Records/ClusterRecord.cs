using Monitoring.Core.Model;

namespace Monitoring.Storage.Records;

/// <summary>A stored cluster or host group.</summary>
public sealed class ClusterRecord : IListedInventoryRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    public required string Name { get; set; }

    public string? DatacenterId { get; set; }

    public HealthState Health { get; set; }

    public string? HealthReason { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
