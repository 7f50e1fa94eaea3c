using Monitoring.Core.Model;

namespace Monitoring.Storage.Records;

/// <summary>A stored virtual machine.</summary>
public sealed class VmRecord : IListedInventoryRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    public required string Name { get; set; }

    public string? HostId { get; set; }

    public PowerState PowerState { get; set; }

    public HealthState Health { get; set; }

    public string? HealthReason { get; set; }

    public int? CpuCount { get; set; }

    public long? MemoryBytes { get; set; }

    public string? GuestOs { get; set; }

    public bool IsTemplate { get; set; }

    /// <summary>When it last started, when its source reports it; null otherwise.</summary>
    public DateTimeOffset? BootedAt { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
