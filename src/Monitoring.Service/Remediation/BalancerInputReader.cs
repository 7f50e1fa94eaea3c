using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Model;
using Monitoring.Remediation.Balancing;
using Monitoring.Storage;

namespace Monitoring.Service.Remediation;

/// <summary>Builds the balancer's view of every cluster from the database: present hosts and VMs, and
/// each VM's demand from its own stored 1-minute samples (<c>cpu.usage</c> and <c>memory.usage</c>).</summary>
internal sealed class BalancerInputReader
{
    // Ten minutes of 1-minute averages, plus slack for a minute still being flushed.
    private static readonly TimeSpan s_lookback = TimeSpan.FromMinutes(12);
    private readonly MonitoringDatabase _database;

    public BalancerInputReader(MonitoringDatabase database) => _database = database;

    /// <summary>The clusters with at least two hosts, and the name of every object read (for tip texts).</summary>
    public async Task<BalancerInput> ReadAsync(IReadOnlyList<AntiAffinityGroup> antiAffinity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var clusters = await context.Clusters.AsNoTracking().Where(c => c.GoneAt == null).ToListAsync(cancellationToken);
        var hosts = await context.Hosts.AsNoTracking().Where(h => h.GoneAt == null && h.ClusterId != null).ToListAsync(cancellationToken);
        var vms = await context.Vms.AsNoTracking().Where(v => v.GoneAt == null && !v.IsTemplate && v.HostId != null).ToListAsync(cancellationToken);
        var since = (now - s_lookback).ToUnixTimeSeconds();
        var samples = await context.MinuteSamples.AsNoTracking()
            .Where(s => s.Timestamp >= since && (s.Metric == PerformanceMetric.CpuUsage || s.Metric == PerformanceMetric.MemoryUsage))
            .Select(s => new { s.ObjectId, s.Metric, s.Timestamp, s.Average })
            .ToListAsync(cancellationToken);
        var series = samples
            .GroupBy(s => (s.ObjectId, s.Metric))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<double>)[.. g.OrderBy(s => s.Timestamp).Select(s => s.Average)]);

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            names[c.Id] = c.Name;
        }

        foreach (var h in hosts)
        {
            names[h.Id] = h.Name;
        }

        foreach (var v in vms)
        {
            names[v.Id] = v.Name;
        }

        var vmsByHost = vms.ToLookup(v => v.HostId!, StringComparer.Ordinal);
        var result = new List<BalancerCluster>();
        foreach (var group in hosts.GroupBy(h => h.ClusterId!, StringComparer.Ordinal).Where(g => g.Count() >= 2))
        {
            var balancerHosts = group.Select(h => new BalancerHost(
                h.Id,
                h.CpuCount ?? 0,
                h.MemoryBytes ?? 0,
                h.InMaintenance || (h.ConnectionState is { } state && !string.Equals(state, "connected", StringComparison.OrdinalIgnoreCase)))).ToList();
            var balancerVms = group.SelectMany(h => vmsByHost[h.Id]).Select(v => new BalancerVm(
                v.Id,
                v.HostId!,
                Signal(series, v.Id, PerformanceMetric.CpuUsage) * (v.CpuCount ?? 0),
                Signal(series, v.Id, PerformanceMetric.MemoryUsage) * (v.MemoryBytes ?? 0),
                v.MemoryBytes ?? 0,
                v.PowerState == PowerState.PoweredOn)).ToList();
            var ids = balancerVms.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
            var groups = antiAffinity.Where(a => a.VmIds.Count(ids.Contains) >= 2).ToList();
            result.Add(new BalancerCluster(group.Key, balancerHosts, balancerVms, groups));
        }

        return new BalancerInput(result, names);
    }

    private static double Signal(Dictionary<(string, string), IReadOnlyList<double>> series, string id, string metric) =>
        series.TryGetValue((id, metric), out var minutes) ? LoadSignal.Smooth(minutes) ?? 0 : 0;
}
