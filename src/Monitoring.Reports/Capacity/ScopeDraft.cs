using Monitoring.Core.Model;
using Monitoring.Storage.Records;

namespace Monitoring.Reports.Capacity;

/// <summary>A scope's figures before headroom, which needs the estate's average VM when the scope runs none.</summary>
internal sealed class ScopeDraft
{
    private ScopeDraft(string id, IReadOnlyList<HostRecord> hosts, IReadOnlyList<VmRecord> poweredOnVms, ResourceUse cpu, ResourceUse memory, IReadOnlyList<UsagePoint> usage)
    {
        Id = id;
        Hosts = hosts;
        PoweredOnVms = poweredOnVms;
        Cpu = cpu;
        Memory = memory;
        Usage = usage;
    }

    public string Id { get; }

    public IReadOnlyList<HostRecord> Hosts { get; }

    public IReadOnlyList<VmRecord> PoweredOnVms { get; }

    public ResourceUse Cpu { get; }

    public ResourceUse Memory { get; }

    public IReadOnlyList<UsagePoint> Usage { get; }

    public double LogicalCpus => Hosts.Sum(h => h.CpuCount ?? 0);

    /// <summary>The scope's p95 CPU demand in logical processors (p95 ratio x all its processors); null without CPU data.</summary>
    public double? DemandCpus => Cpu.P95 * LogicalCpus;

    /// <summary>Configured memory of the powered-on VMs: capacity constraints use configured memory, since a host's
    /// own memory counters include what the hypervisor caches and over-commits.</summary>
    public long AllocatedMemoryBytes => PoweredOnVms.Sum(v => v.MemoryBytes ?? 0);

    public static ScopeDraft Create(string id, IReadOnlyList<HostRecord> hosts, ILookup<string, VmRecord> poweredOn, CapacityData data, CapacityOptions options)
    {
        var vms = hosts.SelectMany(h => poweredOn[h.Id]).ToList();
        var cpu = Weighted(hosts, data, PerformanceMetric.CpuUsage, h => h.CpuCount ?? 1);
        var memory = Weighted(hosts, data, PerformanceMetric.MemoryUsage, h => h.MemoryBytes ?? 1);
        var usage = cpu.Keys.Union(memory.Keys).Order()
            .Select(t => new UsagePoint(DateTimeOffset.FromUnixTimeSeconds(t), Ratio(cpu, t), Ratio(memory, t)))
            .ToList();
        return new ScopeDraft(id, hosts, vms, UseOf(cpu, data, options), UseOf(memory, data, options), usage);
    }

    public ScopeCapacity Finish(string? clusterName, (double Cpus, double MemoryBytes)? estate, StorageUse? storage, CapacityOptions options)
    {
        var standalone = Hosts[0].ClusterId is null;
        var density = new VmDensity(
            PoweredOnVms.Count,
            (double)PoweredOnVms.Count / Hosts.Count,
            LogicalCpus > 0 ? PoweredOnVms.Sum(v => v.CpuCount ?? 0) / LogicalCpus : null);
        return new ScopeCapacity(
            Id,
            standalone ? "standalone hosts" : clusterName ?? Id,
            standalone ? "standalone" : "cluster",
            Hosts[0].Target,
            Hosts.Count,
            Cpu,
            Memory,
            storage,
            HeadroomOf(standalone, estate, options),
            density,
            Usage);
    }

    /// <summary>VMs of the average size that fit in capacity minus the reserve, up to the target ratio.</summary>
    private Headroom? HeadroomOf(bool standalone, (double Cpus, double MemoryBytes)? estate, CapacityOptions options)
    {
        var n = PoweredOnVms.Count;
        (double Cpus, double MemoryBytes, string From)? average = n > 0
            ? ((DemandCpus ?? 0) / n, AllocatedMemoryBytes / (double)n, "scope")
            : estate is { } e ? (e.Cpus, e.MemoryBytes, "estate") : null;
        if (average is not { } a)
        {
            return null;
        }

        var reserve = standalone ? 0 : Math.Clamp(options.ReserveHosts, 0, Hosts.Count - 1);
        var cpuCapacity = (LogicalCpus - Hosts.Select(h => (double)(h.CpuCount ?? 0)).OrderDescending().Take(reserve).Sum()) * options.TargetRatio;
        var memoryCapacity = (Hosts.Sum(h => (double)(h.MemoryBytes ?? 0)) - Hosts.Select(h => (double)(h.MemoryBytes ?? 0)).OrderDescending().Take(reserve).Sum()) * options.TargetRatio;

        int? byCpu = DemandCpus is { } demand && a.Cpus > 0 && LogicalCpus > 0 ? Fit(cpuCapacity - demand, a.Cpus) : null;
        int? byMemory = a.MemoryBytes > 0 && memoryCapacity > 0 ? Fit(memoryCapacity - AllocatedMemoryBytes, a.MemoryBytes) : null;
        if (byCpu is null && byMemory is null)
        {
            return null;
        }

        var binding = byMemory is null || (byCpu is { } c && c <= byMemory) ? "cpu" : "memory";
        var vms = binding == "cpu" ? byCpu!.Value : byMemory!.Value;
        return new Headroom(a.Cpus, (long)Math.Round(a.MemoryBytes), a.From, reserve, byCpu, byMemory, vms, binding);
    }

    /// <summary>Whole VMs of <paramref name="size"/> in <paramref name="free"/>; 0 when nothing is free.</summary>
    private static int Fit(double free, double size) => free <= 0 ? 0 : (int)Math.Min(int.MaxValue, Math.Floor((free / size) + 1e-9));

    /// <summary>Per bucket, the hosts' ratios weighted by their size: (sum of ratio x weight, sum of weight).</summary>
    private static SortedDictionary<long, (double Sum, double Weight, double Max)> Weighted(IReadOnlyList<HostRecord> hosts, CapacityData data, string metric, Func<HostRecord, double> weight)
    {
        var buckets = new SortedDictionary<long, (double Sum, double Weight, double Max)>();
        foreach (var host in hosts)
        {
            var w = weight(host);
            foreach (var p in CapacityCalculator.SeriesOf(data, host.Id, metric))
            {
                var b = buckets.GetValueOrDefault(p.Timestamp);
                buckets[p.Timestamp] = (b.Sum + (p.Average * w), b.Weight + w, b.Max + (p.Maximum * w));
            }
        }

        return buckets;
    }

    private static double? Ratio(SortedDictionary<long, (double Sum, double Weight, double Max)> buckets, long t) =>
        buckets.TryGetValue(t, out var b) && b.Weight > 0 ? b.Sum / b.Weight : null;

    /// <summary>The scope's series (weighted ratios; the peak weights each host's bucket maximum the same way).</summary>
    private static ResourceUse UseOf(SortedDictionary<long, (double Sum, double Weight, double Max)> buckets, CapacityData data, CapacityOptions options) =>
        CapacityCalculator.UseOf([.. buckets.Where(b => b.Value.Weight > 0).Select(b => new SamplePoint(b.Key, b.Value.Sum / b.Value.Weight, b.Value.Max / b.Value.Weight))], data, options.TargetRatio);
}
