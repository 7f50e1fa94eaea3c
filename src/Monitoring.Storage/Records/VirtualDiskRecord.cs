namespace Monitoring.Storage.Records;

/// <summary>A stored virtual hard disk of a VM (see <see cref="Monitoring.Core.Model.InventoryVirtualDisk"/>).</summary>
public sealed class VirtualDiskRecord : IInventoryRecord
{
    public required string Id { get; set; }

    public required string Target { get; set; }

    public required string VmId { get; set; }

    public required string Path { get; set; }

    public long? CapacityBytes { get; set; }

    public string? Format { get; set; }

    public bool? Differencing { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
