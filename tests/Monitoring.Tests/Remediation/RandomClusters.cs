using Monitoring.Remediation.Balancing;

namespace Monitoring.Tests.Remediation;

/// <summary>Seeded random clusters for the balancer tests: 2-6 hosts of mixed sizes, 12 VMs placed
/// unevenly (a few hosts take most), every hard constraint met at the start.</summary>
internal static class RandomClusters
{
    private const double GiB = 1024d * 1024 * 1024;

    /// <param name="seed">The seed: the same seed gives the same cluster.</param>
    /// <param name="withConstraintCases">Adds a host in maintenance, powered-off VMs and an anti-affinity group.</param>
    /// <param name="vmCount">VMs to create (fewer when one fits nowhere).</param>
    /// <param name="maxHosts">Hosts: 2 to this many.</param>
    public static BalancerCluster Create(int seed, bool withConstraintCases, int vmCount = 12, int maxHosts = 6)
    {
        var rng = new Random(seed);
        var hostCount = rng.Next(2, maxHosts + 1);
        var hosts = new List<BalancerHost>();
        for (var h = 0; h < hostCount; h++)
        {
            var cpu = new[] { 8, 16, 24, 32 }[rng.Next(4)];
            var memory = new[] { 64, 96, 128 }[rng.Next(3)] * GiB;
            var maintenance = withConstraintCases && hostCount > 2 && h == hostCount - 1 && rng.Next(2) == 0;
            hosts.Add(new BalancerHost($"host-{h}", cpu, memory, maintenance));
        }

        var reserved = new double[hostCount];
        var vms = new List<BalancerVm>();
        var group = new List<string>();
        var groupHosts = new HashSet<int>();
        for (var v = 0; v < vmCount; v++)
        {
            var configured = rng.Next(4, 25) * GiB;
            var memDemand = configured * (0.3 + (0.7 * rng.NextDouble()));
            var cpuDemand = 0.2 + (rng.NextDouble() * 6);
            var poweredOn = !withConstraintCases || rng.Next(6) != 0;
            var inGroup = withConstraintCases && v < 3;
            // Skewed placement: the lower-numbered hosts are picked far more often.
            var host = -1;
            for (var attempt = 0; attempt < 50 && host < 0; attempt++)
            {
                var candidate = (int)(hostCount * Math.Pow(rng.NextDouble(), 2.5));
                var fits = !poweredOn || reserved[candidate] + configured <= hosts[candidate].MemoryCapacityBytes;
                if (fits && !(inGroup && groupHosts.Contains(candidate)))
                {
                    host = candidate;
                }
            }

            if (host < 0)
            {
                continue;
            }

            if (poweredOn)
            {
                reserved[host] += configured;
            }

            if (inGroup)
            {
                group.Add($"vm-{v}");
                groupHosts.Add(host);
            }

            vms.Add(new BalancerVm($"vm-{v}", $"host-{host}", cpuDemand, memDemand, configured, poweredOn));
        }

        IReadOnlyList<AntiAffinityGroup> groups = group.Count > 1 ? [new AntiAffinityGroup("guest-cluster", group)] : [];
        return new BalancerCluster($"cluster-{seed}", hosts, vms, groups);
    }
}
