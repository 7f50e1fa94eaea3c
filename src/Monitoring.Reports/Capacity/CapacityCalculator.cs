using Monitoring.Core.Model;
using Monitoring.Storage.Records;

namespace Monitoring.Reports.Capacity;

/// <summary>Computes the capacity report from inventory and usage series. No I/O: every figure is arithmetic on
/// <see cref="CapacityData"/>, so tests hand in series with known answers.</summary>
public sealed class CapacityCalculator
{
    /// <summary>How the percentile is defined, as the report states it.</summary>
    public const string PercentileDefinition = "95th percentile of the bucket averages, linear interpolation between closest ranks (rank = 0.95 x (n - 1), Excel PERCENTILE.INC)";

    /// <summary>History a trend needs, days: a line through minutes of data says nothing about next month.</summary>
    public const int MinimumTrendDays = 1;

    private const double SecondsPerDay = 86400;

    private readonly CapacityOptions _options;

    public CapacityCalculator(CapacityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public CapacityReport Calculate(CapacityData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var inventory = data.Inventory;
        var poweredOn = inventory.Vms.Where(v => v.PowerState == PowerState.PoweredOn && !v.IsTemplate && v.HostId is not null)
            .ToLookup(v => v.HostId!, StringComparer.Ordinal);
        var clusterNames = inventory.Clusters.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);

        var hosts = inventory.Hosts
            .Select(h => HostOf(h, data, poweredOn[h.Id].Count()))
            .OrderBy(h => h.Target, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal).ThenBy(h => h.Id, StringComparer.Ordinal)
            .ToList();

        var groups = inventory.Hosts.Where(IsVirtualizationHost).GroupBy(ScopeIdOf, StringComparer.Ordinal).ToList();
        var drafts = groups.Select(g => ScopeDraft.Create(g.Key, [.. g], poweredOn, data, _options)).ToList();
        var estate = EstateAverage(drafts);
        var scopes = drafts
            .Select(d => d.Finish(clusterNames.GetValueOrDefault(d.Hosts[0].ClusterId ?? string.Empty), estate, StorageOf(d.Hosts, data), _options))
            .OrderBy(s => s.Target, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();

        var candidates = new P2VScorer(_options, inventory.Hosts).Rank(hosts.Where(h => h.Scope is null).ToList(), inventory.Hosts);
        return new CapacityReport(data.To, data.From, _options.Days, data.Resolution, PercentileDefinition, _options.ReserveHosts, _options.TargetRatio, scopes, hosts, candidates);
    }

    /// <summary>Virtualization hosts make up scopes; physical Windows servers are P2V candidates instead.</summary>
    internal static bool IsVirtualizationHost(HostRecord host) => host.Hypervisor != HypervisorKind.Windows;

    internal static string ScopeIdOf(HostRecord host) => host.ClusterId ?? $"{host.Target}/(standalone)";

    /// <summary>The usage of one metric of one object over the window: mean and p95 of bucket averages, peak of
    /// bucket maxima, and the least-squares trend (x in days from the window's start) when the buckets span at least
    /// <see cref="MinimumTrendDays"/>.</summary>
    internal static ResourceUse UseOf(IReadOnlyList<SamplePoint> points, CapacityData data, double limit)
    {
        if (points.Count == 0)
        {
            return ResourceUse.None;
        }

        var averages = points.Select(p => p.Average).ToList();
        var start = data.From.ToUnixTimeSeconds();
        var spanDays = (points[^1].Timestamp - points[0].Timestamp) / SecondsPerDay;
        var trend = spanDays < MinimumTrendDays - 1e-9 ? null
            : Trend.Fit([.. points.Select(p => ((p.Timestamp - start) / SecondsPerDay, p.Average))], (data.To - data.From).TotalDays, limit);
        return new ResourceUse(Statistics.Mean(averages), Statistics.Percentile(averages, 0.95), points.Max(p => p.Maximum), trend, points.Count);
    }

    internal static IReadOnlyList<SamplePoint> SeriesOf(CapacityData data, string objectId, string metric) =>
        data.Series.TryGetValue((objectId, metric), out var points) ? points : [];

    private HostCapacity HostOf(HostRecord host, CapacityData data, int vms) => new(
        host.Id,
        host.Name,
        host.Target,
        IsVirtualizationHost(host) ? ScopeIdOf(host) : null,
        host.Hypervisor.ToString().ToLowerInvariant(),
        host.CpuCount,
        host.MemoryBytes,
        UseOf(SeriesOf(data, host.Id, PerformanceMetric.CpuUsage), data, _options.TargetRatio),
        UseOf(SeriesOf(data, host.Id, PerformanceMetric.MemoryUsage), data, _options.TargetRatio),
        VolumesOf(host, data),
        vms);

    /// <summary>The estate's average VM, for scopes that run none: total p95 CPU demand and configured memory of the scopes
    /// that run VMs, over their powered-on VMs. Null when no VM runs anywhere.</summary>
    private static (double Cpus, double MemoryBytes)? EstateAverage(IReadOnlyList<ScopeDraft> drafts)
    {
        var running = drafts.Where(d => d.PoweredOnVms.Count > 0).ToList();
        var vms = running.Sum(d => d.PoweredOnVms.Count);
        return vms == 0 ? null : (running.Sum(d => d.DemandCpus ?? 0) / vms, running.Sum(d => d.AllocatedMemoryBytes) / (double)vms);
    }

    /// <summary>vSphere datastores of the scope's datacenters (shared by every cluster of a datacenter: the inventory
    /// does not record which hosts mount which datastore) plus the hosts' own volumes (WinRM sources).</summary>
    private StorageUse? StorageOf(IReadOnlyList<HostRecord> hosts, CapacityData data)
    {
        var datacenters = hosts.Select(h => h.DatacenterId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var mine = data.Inventory.Datastores.Where(d => (d.DatacenterId is not null && datacenters.Contains(d.DatacenterId)) || hosts.Any(h => IsVolumeOf(h, d)));
        return Sum([.. mine], data);
    }

    private StorageUse? VolumesOf(HostRecord host, CapacityData data) =>
        Sum([.. data.Inventory.Datastores.Where(d => IsVolumeOf(host, d))], data);

    /// <summary>A WinRM host's volume has the id <c>&lt;target&gt;/&lt;host name&gt;/&lt;drive&gt;</c> and no datacenter.</summary>
    private static bool IsVolumeOf(HostRecord host, DatastoreRecord datastore) =>
        datastore.DatacenterId is null && datastore.Id.StartsWith($"{host.Target}/{host.Name}/", StringComparison.Ordinal);

    /// <summary>Size and use as last seen, over the datastores that report a size, and the use over the window from
    /// the stored samples of all of them (<see cref="StorageHistory"/>).</summary>
    private StorageUse? Sum(IReadOnlyList<DatastoreRecord> datastores, CapacityData data)
    {
        var sized = datastores.Where(d => d.CapacityBytes is > 0).ToList();
        if (sized.Count == 0)
        {
            return null;
        }

        var capacity = sized.Sum(d => d.CapacityBytes!.Value);
        var used = sized.Sum(d => d.CapacityBytes!.Value - Math.Clamp(d.FreeBytes ?? 0, 0, d.CapacityBytes!.Value));
        return new StorageUse(capacity, used, sized.Count, UseOf(StorageHistory.Of(datastores, data), data, _options.TargetRatio));
    }
}
