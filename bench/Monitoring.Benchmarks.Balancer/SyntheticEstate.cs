using Monitoring.Remediation.Balancing;

namespace Monitoring.Benchmarks.Balancer;

/// <summary>A seeded estate: clusters of equal hosts, VMs placed unevenly (the first hosts of each
/// cluster take most), each VM with ten 1-minute CPU and memory averages.</summary>
internal sealed class SyntheticEstate
{
    private const double GiB = 1024d * 1024 * 1024;

    public SyntheticEstate(int clusters, int hostsPerCluster, int vmsPerCluster, int seed)
    {
        var rng = new Random(seed);
        for (var c = 0; c < clusters; c++)
        {
            var hosts = Enumerable.Range(0, hostsPerCluster)
                .Select(h => new BalancerHost($"c{c}-h{h}", 64, 1024 * GiB, InMaintenance: h == hostsPerCluster - 1))
                .ToList();
            var vms = new List<SyntheticVm>();
            for (var v = 0; v < vmsPerCluster; v++)
            {
                var host = (int)(hostsPerCluster * Math.Pow(rng.NextDouble(), 1.6));
                var cpus = rng.Next(1, 9);
                var memory = rng.Next(2, 33) * GiB;
                var level = rng.NextDouble();
                var cpu = Enumerable.Range(0, 10).Select(_ => Math.Clamp(level + ((rng.NextDouble() - 0.5) * 0.3), 0, 1)).ToArray();
                var mem = Enumerable.Range(0, 10).Select(_ => Math.Clamp((level * 0.5) + (rng.NextDouble() * 0.2), 0, 1)).ToArray();
                vms.Add(new SyntheticVm($"c{c}-vm{v}", $"c{c}-h{host}", cpus, memory, rng.Next(20) != 0, cpu, mem));
            }

            Clusters.Add((hosts, vms, new AntiAffinityGroup($"c{c}-pair", [vms[0].Id, vms[1].Id])));
        }
    }

    public List<(List<BalancerHost> Hosts, List<SyntheticVm> Vms, AntiAffinityGroup Group)> Clusters { get; } = [];
}
