using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Each running VM's disk and network throughput from the Hyper-V counter classes of <c>root/cimv2</c>,
/// in bytes per second (read plus write, received plus sent), the same metrics vSphere's VMs give.</summary>
/// <remarks>
/// The counters are per device, not per VM, so each is tied to its VM:
/// a virtual network adapter's instance is named <c>&lt;VM name&gt;_&lt;adapter name&gt;_&lt;ids&gt;</c> (the VM's
/// display name, the longest that fits wins); a virtual storage device's instance is the path of its virtual
/// hard disk with <c>\</c> written as <c>-</c>, matched against the disk paths of each VM's storage settings
/// (v2 <c>Msvm_StorageAllocationSettingData.HostResource</c>, v1 <c>Msvm_ResourceAllocationSettingData.Connection</c>,
/// whose <c>InstanceID</c> starts <c>Microsoft:&lt;VM GUID&gt;\</c>; kept between passes on the session, see <see cref="HyperVDiskOwners"/>). Each class is optional: one a host lacks is a
/// gap (logged once, listed in the target's status) and leaves that metric out; the host is not failed.
/// </remarks>
internal static class HyperVDeviceThroughput
{
    public const string NetworkClass = "Win32_PerfFormattedData_NvspNicStats_HyperVVirtualNetworkAdapter";

    /// <summary>Server 2012 and later.</summary>
    public const string StorageClassV2 = "Win32_PerfFormattedData_Counters_HyperVVirtualStorageDevice";

    /// <summary>Server 2008 and 2008 R2.</summary>
    public const string StorageClassV1 = "Win32_PerfFormattedData_StorageStats_HyperVVirtualStorageDevice";

    /// <summary>Adds the samples of the running VMs in <paramref name="running"/> (VM GUID to display name).</summary>
    /// <param name="session">The target's session.</param>
    /// <param name="host">The Hyper-V host's namespace.</param>
    /// <param name="target">The target's config name.</param>
    /// <param name="running">The running VMs, by GUID, with their display names.</param>
    /// <param name="at">The samples' timestamp.</param>
    /// <param name="samples">Where the samples go.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task AddAsync(
        WmiSession session,
        HyperVHost host,
        string target,
        IReadOnlyDictionary<string, string> running,
        DateTimeOffset at,
        List<PerformanceSample> samples,
        CancellationToken cancellationToken)
    {
        if (running.Count == 0)
        {
            return;
        }

        var adapters = await session.QueryOptionalAsync(WindowsHostReader.Cimv2, "SELECT * FROM " + NetworkClass, NetworkClass, cancellationToken).ConfigureAwait(false);
        if (adapters.Count > 0)
        {
            var byVm = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var adapter in adapters)
            {
                if (OwnerByName(adapter.String("Name"), running) is { } guid)
                {
                    byVm[guid] = byVm.GetValueOrDefault(guid) + (adapter.Double("BytesReceivedPersec") ?? 0) + (adapter.Double("BytesSentPersec") ?? 0);
                }
            }

            Add(byVm, PerformanceMetric.NetworkThroughput, target, at, samples);
        }

        var storageClass = host.Namespace.IsV2 ? StorageClassV2 : StorageClassV1;
        var devices = await session.QueryOptionalAsync(WindowsHostReader.Cimv2, "SELECT * FROM " + storageClass, storageClass, cancellationToken).ConfigureAwait(false);
        if (devices.Count == 0)
        {
            return;
        }

        var owners = session.DiskOwners = await HyperVDiskOwners.CurrentAsync(session, host, session.DiskOwners, devices, at, cancellationToken).ConfigureAwait(false);
        var disksByVm = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var device in devices)
        {
            if (device.String("Name") is { } name && owners.OwnerOf(name, running) is { } guid)
            {
                disksByVm[guid] = disksByVm.GetValueOrDefault(guid) + (device.Double("ReadBytesPersec") ?? 0) + (device.Double("WriteBytesPersec") ?? 0);
            }
        }

        Add(disksByVm, PerformanceMetric.DiskThroughput, target, at, samples);
    }

    /// <summary>The running VM whose display name starts the adapter's instance name (then <c>_</c>); the longest wins,
    /// so <c>web_2_Network Adapter_...</c> is <c>web_2</c>'s, not <c>web</c>'s.</summary>
    internal static string? OwnerByName(string? instance, IReadOnlyDictionary<string, string> running)
    {
        if (instance is null)
        {
            return null;
        }

        string? owner = null;
        var longest = -1;
        foreach (var (guid, name) in running)
        {
            if (name.Length > longest && instance.Length > name.Length && instance[name.Length] == '_' && instance.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                owner = guid;
                longest = name.Length;
            }
        }

        return owner;
    }

    private static void Add(Dictionary<string, double> byVm, string metric, string target, DateTimeOffset at, List<PerformanceSample> samples)
    {
        foreach (var (guid, rate) in byVm)
        {
            samples.Add(new PerformanceSample(ObjectId.Create(target, guid), metric, at, rate));
        }
    }
}
