namespace Monitoring.Core.Model;

/// <summary>A datastore (a VMFS/NFS volume, a Hyper-V host's volume).</summary>
public sealed record InventoryDatastore(
    string Id,
    string Target,
    string Name,
    string? DatacenterId,
    Health Health,
    long? CapacityBytes,
    long? FreeBytes,
    string? Type,
    bool Accessible);
