namespace Monitoring.Core.Model;

/// <summary>A virtual machine.</summary>
/// <param name="Id">The inventory id.</param>
/// <param name="Target">The config name of the target it was read from.</param>
/// <param name="Name">The VM's display name.</param>
/// <param name="HostId">The inventory id of the host it runs on (vSphere: from <c>runtime.host</c>), or null when unplaced.</param>
/// <param name="PowerState">Normalised power state.</param>
/// <param name="Health">Its health and the reason.</param>
/// <param name="CpuCount">Configured virtual CPUs.</param>
/// <param name="MemoryBytes">Configured memory (not consumed memory).</param>
/// <param name="GuestOs">The guest OS the VM is configured for, when known.</param>
/// <param name="IsTemplate">True for a template, which never runs.</param>
/// <param name="GuestHeartbeat">The guest's heartbeat as the source sees it: healthy when the guest tools
/// answer, warning when intermittent, critical when lost, unknown when the source cannot tell (no tools,
/// or a source without heartbeats). Defaults to unknown, e.g. for a VM read back from the database.</param>
public sealed record InventoryVm(
    string Id,
    string Target,
    string Name,
    string? HostId,
    PowerState PowerState,
    Health Health,
    int? CpuCount,
    long? MemoryBytes,
    string? GuestOs,
    bool IsTemplate,
    HealthState GuestHeartbeat = HealthState.Unknown)
{
    /// <summary>When the VM last started, for a running VM whose source reports it (Hyper-V: from
    /// <c>Msvm_SummaryInformation.UpTime</c>, to the whole minute); null otherwise (vSphere does not read it).</summary>
    public DateTimeOffset? BootedAt { get; init; }
}
