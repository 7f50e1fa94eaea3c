using Monitoring.Core.Model;
using Monitoring.Storage.Records;

namespace Monitoring.Service.Output;

/// <summary>A VM's virtual hard disk in the JSON output (inside its VM's <c>disks</c>). <c>name</c> is the file's
/// name, <c>path</c> the file on the host; <c>capacityBytes</c> and <c>differencing</c> are null when unknown.</summary>
internal sealed record VirtualDiskDocument(
    string Id,
    string Name,
    string Path,
    long? CapacityBytes,
    string? Format,
    bool? Differencing,
    DateTimeOffset? GoneAt)
{
    /// <summary>The sources whose collectors read virtual disks; a VM of another source gets <c>disks: null</c>
    /// (not read), never an empty list that would claim it has none.</summary>
    public static bool IsRead(HypervisorKind? hostKind) => hostKind == HypervisorKind.HyperV;

    public static VirtualDiskDocument From(VirtualDiskRecord disk)
    {
        ArgumentNullException.ThrowIfNull(disk);
        return new(disk.Id, FileName(disk.Path), disk.Path, disk.CapacityBytes, disk.Format, disk.Differencing, disk.GoneAt);
    }

    /// <summary>The disks of each VM, for <see cref="ForVm"/>.</summary>
    public static ILookup<string, VirtualDiskDocument> ByVm(IEnumerable<VirtualDiskRecord> disks) =>
        disks.ToLookup(d => d.VmId, From, StringComparer.Ordinal);

    /// <summary>The VM's disks, or null when its host's source does not read them.</summary>
    public static IReadOnlyList<VirtualDiskDocument>? ForVm(string vmId, HypervisorKind? hostKind, ILookup<string, VirtualDiskDocument> byVm)
    {
        ArgumentNullException.ThrowIfNull(byVm);
        return IsRead(hostKind) ? [.. byVm[vmId]] : null;
    }

    /// <summary>The last part of a Windows (or any) path.</summary>
    private static string FileName(string path)
    {
        var end = path.LastIndexOfAny(['\\', '/']);
        return end >= 0 && end < path.Length - 1 ? path[(end + 1)..] : path;
    }
}
