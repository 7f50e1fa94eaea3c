namespace Monitoring.Core.Model;

/// <summary>A virtualization host (or a physical Windows server).</summary>
/// <param name="Id">The inventory id.</param>
/// <param name="Target">The config name of the target it was read from.</param>
/// <param name="Name">The name the host reports for itself, not the target's config name.</param>
/// <param name="ClusterId">The cluster's inventory id, or null for a standalone host.</param>
/// <param name="DatacenterId">The datacenter's inventory id, when the source has datacenters.</param>
/// <param name="Hypervisor">What runs on it.</param>
/// <param name="Health">Its health and the reason.</param>
/// <param name="CpuCount">Logical processors (hardware threads), when known.</param>
/// <param name="MemoryBytes">Physical memory, when known.</param>
/// <param name="Os">The product and build the host reports, when known.</param>
/// <param name="ConnectionState">The source's view of its connection to the host (vSphere: connected, disconnected, notResponding).</param>
/// <param name="InMaintenance">True when the host is in maintenance mode.</param>
public sealed record InventoryHost(
    string Id,
    string Target,
    string Name,
    string? ClusterId,
    string? DatacenterId,
    HypervisorKind Hypervisor,
    Health Health,
    int? CpuCount,
    long? MemoryBytes,
    string? Os,
    string? ConnectionState,
    bool InMaintenance)
{
    /// <summary>When the host's operating system last started, when the source reports it (the WinRM sources:
    /// <c>Win32_OperatingSystem.LastBootUpTime</c>); null otherwise (vSphere does not read it).</summary>
    public DateTimeOffset? BootedAt { get; init; }
}
