using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Each VM's virtual hard disks, from one query of the host's disk settings per inventory pass.</summary>
/// <remarks>
/// <para>v2 (Server 2012 and later): <c>Msvm_StorageAllocationSettingData</c> with <c>ResourceType</c> 31 and
/// <c>ResourceSubType</c> <c>Microsoft:Hyper-V:Virtual Hard Disk</c> (the same type also carries ISO and floppy
/// images, which are left out), the file in <c>HostResource</c>. v1 (Server 2008 and 2008 R2):
/// <c>Msvm_ResourceAllocationSettingData</c> with <c>ResourceSubType</c> <c>Microsoft Virtual Hard Disk</c>, the
/// file in <c>Connection</c>.</para>
/// <para>A setting's <c>InstanceID</c> is <c>Microsoft:&lt;VM GUID&gt;\...</c>; the settings of checkpoints carry the
/// checkpoint's GUID instead, so only settings of the VMs the pass found are kept.</para>
/// <para>Capacity comes from the setting itself where the class defines it (v2: <c>VirtualQuantity</c> blocks of
/// <c>VirtualResourceBlockSize</c> bytes, or bytes when <c>VirtualQuantityUnits</c> says so); v1 defines no block size
/// for it, so its capacity stays unknown. The file's size on disk and whether a disk is fixed or dynamic need a
/// method call per disk (<c>Msvm_ImageManagementService</c>), which the pass does not make.</para>
/// <para>The class is optional: a host without it is a gap (logged once, listed in the target's status) and its
/// VMs have no disks listed; the host is not failed.</para>
/// </remarks>
internal static class HyperVVirtualDisks
{
    public const string SettingsClassV2 = "Msvm_StorageAllocationSettingData";
    public const string SettingsClassV1 = "Msvm_ResourceAllocationSettingData";
    public const string QueryV2 = "SELECT * FROM Msvm_StorageAllocationSettingData WHERE ResourceType = 31";
    public const string QueryV1 = "SELECT * FROM Msvm_ResourceAllocationSettingData WHERE ResourceSubType = 'Microsoft Virtual Hard Disk'";
    private const string SubTypeV2 = "Microsoft:Hyper-V:Virtual Hard Disk";
    private const string SubTypeV1 = "Microsoft Virtual Hard Disk";
    private const string Bytes = "byte";
    private const long SmallestDisk = 1024 * 1024;

    /// <summary>The host's virtual hard disk settings (empty when it lacks the class: a gap).</summary>
    public static Task<IReadOnlyList<WmiInstance>> ReadSettingsAsync(WmiSession session, HyperVNamespace ns, CancellationToken cancellationToken) =>
        session.QueryOptionalAsync(ns.Path, ns.IsV2 ? QueryV2 : QueryV1, ns.IsV2 ? SettingsClassV2 : SettingsClassV1, cancellationToken);

    /// <summary>The disks among <paramref name="settings"/>; anything that is not a virtual hard disk of a known VM is skipped.</summary>
    internal static List<InventoryVirtualDisk> From(IReadOnlyList<WmiInstance> settings, bool isV2, string target, IReadOnlyDictionary<string, string> vmIds)
    {
        var disks = new List<InventoryVirtualDisk>();
        foreach (var setting in settings)
        {
            // The query's filter is the host's to apply; checking again keeps ISO images out whatever the host did.
            var instanceId = setting.String("InstanceID");
            if (instanceId is null
                || !string.Equals(setting.String("ResourceSubType"), isV2 ? SubTypeV2 : SubTypeV1, StringComparison.OrdinalIgnoreCase)
                || HyperVSettingId.VmGuid(instanceId) is not { } guid
                || !vmIds.TryGetValue(guid, out var vmId)
                || setting.Strings(isV2 ? "HostResource" : "Connection").FirstOrDefault(p => p.Length > 0) is not { } path)
            {
                continue;
            }

            disks.Add(new InventoryVirtualDisk(
                ObjectId.Create(target, instanceId),
                target,
                vmId,
                path,
                isV2 ? CapacityOf(setting) : null,
                FormatOf(path),
                path.EndsWith(".avhd", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".avhdx", StringComparison.OrdinalIgnoreCase) ? true : null));
        }

        return disks;
    }

    /// <summary><c>vhd</c>, <c>vhdx</c> or <c>vhds</c> from the file's extension (a checkpoint's <c>.avhd</c>/<c>.avhdx</c>
    /// is a differencing disk of the same format); null for anything else.</summary>
    internal static string? FormatOf(string path)
    {
        var dot = path.LastIndexOf('.');
        var extension = dot < 0 || path.IndexOf('\\', dot) >= 0 ? string.Empty : path[(dot + 1)..].ToUpperInvariant();
        return extension switch
        {
            "VHD" or "AVHD" => "vhd",
            "VHDX" or "AVHDX" => "vhdx",
            "VHDS" => "vhds",
            _ => null,
        };
    }

    /// <summary>The size the guest sees, in bytes, as the v2 class defines it; null when the setting does not say.</summary>
    internal static long? CapacityOf(WmiInstance setting)
    {
        if (setting.Int64("VirtualQuantity") is not { } quantity || quantity <= 0)
        {
            return null;
        }

        if (string.Equals(setting.String("VirtualQuantityUnits"), Bytes, StringComparison.OrdinalIgnoreCase))
        {
            return quantity;
        }

        // Blocks of VirtualResourceBlockSize bytes; a missing block size leaves the size unknown.
        if (setting.Int64("VirtualResourceBlockSize") is not { } block || block <= 0 || quantity > long.MaxValue / block)
        {
            return null;
        }

        // CIM writes 1 for "unknown"; no virtual hard disk is smaller than a few megabytes, so a tiny product is that.
        var bytes = quantity * block;
        return bytes >= SmallestDisk ? bytes : null;
    }
}
