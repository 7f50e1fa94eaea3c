namespace Monitoring.Service.Output;

/// <summary>A host in the JSON contract. <c>cluster</c> is the cluster's name, null when standalone. <c>bootedAt</c>
/// is when its operating system last started, null when the source does not report it (vSphere).</summary>
internal sealed record HostDocument(
    string Id,
    string Target,
    string Name,
    string? Cluster,
    string? ClusterId,
    string Hypervisor,
    string Health,
    string? HealthReason,
    int? CpuCount,
    long? MemoryBytes,
    string? Os,
    string? ConnectionState,
    bool InMaintenance,
    DateTimeOffset? GoneAt,
    DateTimeOffset? BootedAt);
