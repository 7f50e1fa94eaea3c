using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Which VM each virtual hard disk belongs to, keyed the way the storage counters name their instances
/// (the disk's path with <c>\</c> written as <c>-</c>), read from the VMs' storage settings and kept between
/// realtime passes.</summary>
/// <remarks>
/// The inventory pass reads the same settings for the disks it lists and leaves its reading on the session
/// (<see cref="WmiSession.DiskOwners"/>). Disks are attached far less often than a realtime pass runs, so the
/// realtime pass reads the settings itself only when they may have changed: when a counter instance appears that
/// the last read did not know (a disk attached, a VM created), or when the last read is older than
/// <see cref="MaxAge"/> (a disk moved to another VM keeps its name). A counter instance that no setting explains (a
/// pass-through disk) is remembered as ownerless, so it does not cause a read on every pass. This saves one request
/// of the eight a Hyper-V realtime pass would make.
/// </remarks>
internal sealed class HyperVDiskOwners
{
    /// <summary>How long a read is trusted when no new disk shows up.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    // Counter instance name to the GUIDs whose settings name that disk: a VM's, and perhaps a snapshot's too
    // (empty: no setting explains it).
    private readonly Dictionary<string, List<string>> _owners;
    private readonly DateTimeOffset _readAt;

    private HyperVDiskOwners(Dictionary<string, List<string>> owners, DateTimeOffset readAt)
    {
        _owners = owners;
        _readAt = readAt;
    }

    /// <summary>The owners from <paramref name="known"/> when it still explains every device and is fresh enough,
    /// otherwise read again from the host's storage settings.</summary>
    public static async Task<HyperVDiskOwners> CurrentAsync(
        WmiSession session, HyperVHost host, HyperVDiskOwners? known, IReadOnlyList<WmiInstance> devices, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (known is not null && now - known._readAt < MaxAge && known.Knows(devices))
        {
            return known;
        }

        var settings = await HyperVVirtualDisks.ReadSettingsAsync(session, host.Namespace, cancellationToken).ConfigureAwait(false);
        return From(settings, host.Namespace.IsV2, devices, now);
    }

    /// <summary>The owners the disk settings <paramref name="settings"/> give, read at <paramref name="readAt"/>; the
    /// counter instances among <paramref name="devices"/> that no setting names are remembered as ownerless.</summary>
    public static HyperVDiskOwners From(IReadOnlyList<WmiInstance> settings, bool isV2, IReadOnlyList<WmiInstance> devices, DateTimeOffset readAt)
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var pathProperty = isV2 ? "HostResource" : "Connection";
        foreach (var disk in settings)
        {
            if (HyperVSettingId.VmGuid(disk.String("InstanceID")) is not { } guid)
            {
                continue;
            }

            foreach (var path in disk.Strings(pathProperty))
            {
                var name = path.Replace('\\', '-');
                if (!owners.TryGetValue(name, out var guids))
                {
                    owners[name] = guids = new List<string>(1);
                }

                guids.Add(guid);
            }
        }

        foreach (var device in devices)
        {
            if (device.String("Name") is { } name)
            {
                owners.TryAdd(name, []);
            }
        }

        return new HyperVDiskOwners(owners, readAt);
    }

    /// <summary>The GUID of the running VM (one of <paramref name="running"/>'s keys) whose disk the counter instance
    /// <paramref name="instance"/> is, or null.</summary>
    public string? OwnerOf(string instance, IReadOnlyDictionary<string, string> running)
    {
        if (_owners.TryGetValue(instance, out var guids))
        {
            foreach (var guid in guids)
            {
                if (running.ContainsKey(guid))
                {
                    return guid;
                }
            }
        }

        return null;
    }

    private bool Knows(IReadOnlyList<WmiInstance> devices)
    {
        foreach (var device in devices)
        {
            if (device.String("Name") is { } name && !_owners.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }
}
