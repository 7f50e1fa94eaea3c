namespace Monitoring.Core.Model;

/// <summary>A virtual hard disk attached to a VM: the file on the host that backs one of its disks.</summary>
/// <param name="Id">The inventory id: <c>&lt;target&gt;/&lt;WMI key of the disk's setting&gt;</c>.</param>
/// <param name="Target">The config name of the target it was read from.</param>
/// <param name="VmId">The inventory id of the VM it is attached to.</param>
/// <param name="Path">The disk's file on the host, as the host names it (e.g. <c>V:\VMs\web\web.vhdx</c>).</param>
/// <param name="CapacityBytes">The size the guest sees, when the source gives it; null when unknown.</param>
/// <param name="Format">The file format from the file's extension: <c>vhd</c>, <c>vhdx</c> or <c>vhds</c> (a VHD Set);
/// null when the extension is none of these.</param>
/// <param name="Differencing">True for a checkpoint's differencing disk (<c>.avhd</c>, <c>.avhdx</c>); null when the
/// source cannot tell (a fixed, dynamic or differencing disk with an ordinary extension looks the same).</param>
public sealed record InventoryVirtualDisk(
    string Id,
    string Target,
    string VmId,
    string Path,
    long? CapacityBytes,
    string? Format,
    bool? Differencing);
