using Monitoring.Core.Model;

namespace Monitoring.Storage.Records;

/// <summary>A stored host.</summary>
public sealed class HostRecord : IListedInventoryRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    public required string Name { get; set; }

    public string? ClusterId { get; set; }

    public string? DatacenterId { get; set; }

    public HypervisorKind Hypervisor { get; set; }

    public HealthState Health { get; set; }

    public string? HealthReason { get; set; }

    public int? CpuCount { get; set; }

    public long? MemoryBytes { get; set; }

    public string? Os { get; set; }

    public string? ConnectionState { get; set; }

    public bool InMaintenance { get; set; }

    /// <summary>When it last started, when its source reports it; null otherwise.</summary>
    public DateTimeOffset? BootedAt { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
