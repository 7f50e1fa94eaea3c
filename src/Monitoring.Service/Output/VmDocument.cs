namespace Monitoring.Service.Output;

/// <summary>A VM in the JSON contract. <c>host</c> is the host's name, <c>hostId</c> its inventory id. <c>disks</c>
/// lists its virtual hard disks for sources that read them (Hyper-V) and is null for the others. <c>bootedAt</c> is when a running VM last started (Hyper-V, to the minute),
/// null when it is not running or the source does not report it (vSphere).</summary>
internal sealed record VmDocument(
    string Id,
    string Target,
    string Name,
    string? Host,
    string? HostId,
    string PowerState,
    string Health,
    string? HealthReason,
    int? CpuCount,
    long? MemoryBytes,
    string? GuestOs,
    bool Template,
    DateTimeOffset? GoneAt,
    IReadOnlyList<VirtualDiskDocument>? Disks,
    DateTimeOffset? BootedAt);
