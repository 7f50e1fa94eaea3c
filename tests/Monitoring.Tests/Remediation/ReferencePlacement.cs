using Monitoring.Remediation.Balancing;
using Xunit;

namespace Monitoring.Tests.Remediation;

/// <summary>The test's own statement of the balancer's rules, written plainly and apart from the
/// product's incremental arithmetic: the imbalance of a placement and the hard constraints it breaks.</summary>
internal static class ReferencePlacement
{
    /// <summary>sqrt(0.5 var(CPU loads) + 0.5 var(memory loads)) over the hosts not in maintenance.</summary>
    public static double Imbalance(BalancerCluster cluster, IReadOnlyDictionary<string, string> placement)
    {
        var hosts = cluster.Hosts.Where(h => !h.InMaintenance).ToList();
        var cpu = hosts.Select(h => cluster.Vms.Where(v => v.PoweredOn && placement[v.Id] == h.Id).Sum(v => v.CpuDemand) / h.CpuCapacity).ToList();
        var mem = hosts.Select(h => cluster.Vms.Where(v => v.PoweredOn && placement[v.Id] == h.Id).Sum(v => v.MemoryDemandBytes) / h.MemoryCapacityBytes).ToList();
        return Math.Sqrt((0.5 * Variance(cpu)) + (0.5 * Variance(mem)));
    }

    /// <summary>Every hard constraint the placement breaks, relative to where the VMs started.</summary>
    public static List<string> Violations(BalancerCluster cluster, IReadOnlyDictionary<string, string> placement)
    {
        var errors = new List<string>();
        var hosts = cluster.Hosts.ToDictionary(h => h.Id);
        foreach (var vm in cluster.Vms)
        {
            var now = placement[vm.Id];
            if (now == vm.HostId)
            {
                continue;
            }

            if (!vm.PoweredOn)
            {
                errors.Add($"{vm.Id} is powered off but moved");
            }

            if (hosts[now].InMaintenance)
            {
                errors.Add($"{vm.Id} moved onto {now}, in maintenance");
            }

            if (hosts[vm.HostId].InMaintenance)
            {
                errors.Add($"{vm.Id} moved off {vm.HostId}, in maintenance");
            }
        }

        foreach (var host in cluster.Hosts)
        {
            var reserved = cluster.Vms.Where(v => v.PoweredOn && placement[v.Id] == host.Id).Sum(v => v.ConfiguredMemoryBytes);
            if (reserved > host.MemoryCapacityBytes)
            {
                errors.Add($"{host.Id} holds {reserved} bytes of configured memory, over its {host.MemoryCapacityBytes}");
            }
        }

        foreach (var group in cluster.Groups)
        {
            foreach (var crowded in group.VmIds.GroupBy(vm => placement[vm]).Where(g => g.Count() > 1))
            {
                errors.Add($"anti-affinity group {group.Name} has {string.Join(", ", crowded)} on {crowded.Key}");
            }
        }

        return errors;
    }

    public static Dictionary<string, string> Initial(BalancerCluster cluster) =>
        cluster.Vms.ToDictionary(v => v.Id, v => v.HostId, StringComparer.Ordinal);

    public static Dictionary<string, string> Apply(BalancerCluster cluster, BalancePlan plan)
    {
        var placement = Initial(cluster);
        foreach (var move in plan.Moves)
        {
            Assert.Equal(placement[move.VmId], move.FromHostId);
            placement[move.VmId] = move.ToHostId;
        }

        return placement;
    }

    /// <summary>The lowest imbalance reachable by moving at most <paramref name="maxMoves"/> VMs, each
    /// once, to any host, keeping every hard constraint: every such plan is tried (sums kept in arrays so
    /// the ~30,000 plans of 3 moves among 12 VMs and 6 hosts take milliseconds).</summary>
    public static double ExhaustiveBest(BalancerCluster cluster, int maxMoves)
    {
        var hosts = cluster.Hosts.ToList();
        var index = hosts.Select((h, i) => (h.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var vms = cluster.Vms.ToList();
        var at = vms.Select(v => index[v.HostId]).ToArray();
        var cpu = new double[hosts.Count];
        var mem = new double[hosts.Count];
        var reserved = new double[hosts.Count];
        for (var v = 0; v < vms.Count; v++)
        {
            Place(v, at[v], +1);
        }

        var groupOf = vms.Select(v => cluster.Groups.Select((g, i) => (g, i)).Where(p => p.g.VmIds.Contains(v.Id)).Select(p => p.i).ToArray()).ToArray();
        var best = Current();
        var moved = new List<(int Vm, int From, int To)>();
        Search(0, maxMoves);
        return best;

        // Migrations happen one at a time: a set of moves counts only if some order of them keeps every
        // constraint after each move (two VMs cannot swap between two full hosts).
        bool SomeOrderStaysValid()
        {
            var plan = moved.ToList();
            return Permutations(plan.Count).Any(order =>
            {
                foreach (var m in plan)
                {
                    Place(m.Vm, m.To, -1);
                    Place(m.Vm, m.From, +1);
                    at[m.Vm] = m.From;
                }

                var ok = true;
                foreach (var i in order)
                {
                    var m = plan[i];
                    Place(m.Vm, m.From, -1);
                    Place(m.Vm, m.To, +1);
                    at[m.Vm] = m.To;
                    ok = ok && Valid();
                }

                return ok;
            });
        }

        void Place(int v, int h, int sign)
        {
            if (!vms[v].PoweredOn)
            {
                return;
            }

            cpu[h] += sign * vms[v].CpuDemand;
            mem[h] += sign * vms[v].MemoryDemandBytes;
            reserved[h] += sign * vms[v].ConfiguredMemoryBytes;
        }

        double Current()
        {
            var cpuLoads = new List<double>();
            var memLoads = new List<double>();
            for (var h = 0; h < hosts.Count; h++)
            {
                if (!hosts[h].InMaintenance)
                {
                    cpuLoads.Add(cpu[h] / hosts[h].CpuCapacity);
                    memLoads.Add(mem[h] / hosts[h].MemoryCapacityBytes);
                }
            }

            return Math.Sqrt((0.5 * Variance(cpuLoads)) + (0.5 * Variance(memLoads)));
        }

        bool Valid()
        {
            for (var h = 0; h < hosts.Count; h++)
            {
                if (reserved[h] > hosts[h].MemoryCapacityBytes * (1 + 1e-12))
                {
                    return false;
                }
            }

            for (var g = 0; g < cluster.Groups.Count; g++)
            {
                var used = new HashSet<int>();
                for (var v = 0; v < vms.Count; v++)
                {
                    if (groupOf[v].Contains(g) && !used.Add(at[v]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        void Search(int fromVm, int movesLeft)
        {
            if (movesLeft == 0)
            {
                return;
            }

            for (var v = fromVm; v < vms.Count; v++)
            {
                var original = at[v];
                if (!vms[v].PoweredOn || hosts[original].InMaintenance)
                {
                    continue;
                }

                for (var h = 0; h < hosts.Count; h++)
                {
                    if (h == original || hosts[h].InMaintenance)
                    {
                        continue;
                    }

                    Place(v, original, -1);
                    Place(v, h, +1);
                    at[v] = h;
                    moved.Add((v, original, h));
                    if (Valid())
                    {
                        var imbalance = Current();
                        if (imbalance < best && SomeOrderStaysValid())
                        {
                            best = imbalance;
                        }
                    }

                    // A constraint broken now may be mended by a later move (a swap), so search on regardless.
                    Search(v + 1, movesLeft - 1);
                    moved.RemoveAt(moved.Count - 1);
                    Place(v, h, -1);
                    Place(v, original, +1);
                    at[v] = original;
                }
            }
        }
    }

    private static IEnumerable<int[]> Permutations(int n)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Permutations(n - 1))
        {
            for (var at = 0; at <= rest.Length; at++)
            {
                yield return [.. rest[..at], n - 1, .. rest[at..]];
            }
        }
    }

    private static double Variance(List<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(x => (x - mean) * (x - mean)) / values.Count;
    }
}
