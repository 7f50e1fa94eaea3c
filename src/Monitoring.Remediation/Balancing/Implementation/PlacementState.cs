namespace Monitoring.Remediation.Balancing.Implementation;

/// <summary>A cluster's placement as flat arrays, with running sums of the host loads and of their
/// squares, so the imbalance after any single move is computed in constant time.</summary>
internal sealed class PlacementState
{
    private readonly double _cpuWeight;
    private readonly double _memoryWeight;
    private readonly int _groupCount;
    private double _cpuSum;
    private double _cpuSquares;
    private double _memSum;
    private double _memSquares;

    public PlacementState(BalancerCluster cluster, double cpuWeight, double memoryWeight)
    {
        var totalWeight = cpuWeight + memoryWeight;
        _cpuWeight = totalWeight > 0 ? cpuWeight / totalWeight : 0.5;
        _memoryWeight = totalWeight > 0 ? memoryWeight / totalWeight : 0.5;

        var hostIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var active = cluster.Hosts.Where(IsActive).ToList();
        HostIds = new string[active.Count];
        CpuCapacity = new double[active.Count];
        MemCapacity = new double[active.Count];
        CpuLoad = new double[active.Count];
        MemLoad = new double[active.Count];
        ReservedMemory = new double[active.Count];
        for (var h = 0; h < active.Count; h++)
        {
            HostIds[h] = active[h].Id;
            CpuCapacity[h] = active[h].CpuCapacity;
            MemCapacity[h] = active[h].MemoryCapacityBytes;
            hostIndex[active[h].Id] = h;
        }

        var groupIndex = BuildGroups(cluster, out _groupCount);
        var vms = cluster.Vms.Where(v => hostIndex.ContainsKey(v.HostId)).ToList();
        VmIds = new string[vms.Count];
        VmHost = new int[vms.Count];
        OriginalHost = new int[vms.Count];
        VmCpu = new double[vms.Count];
        VmMem = new double[vms.Count];
        VmConfigured = new double[vms.Count];
        VmMovable = new bool[vms.Count];
        VmGroups = new int[vms.Count][];
        GroupHostCount = new int[_groupCount * Math.Max(1, active.Count)];
        for (var v = 0; v < vms.Count; v++)
        {
            var vm = vms[v];
            var h = hostIndex[vm.HostId];
            VmIds[v] = vm.Id;
            VmHost[v] = h;
            OriginalHost[v] = h;
            VmMovable[v] = vm.PoweredOn;
            VmCpu[v] = vm.PoweredOn ? Math.Max(0, vm.CpuDemand) : 0;
            VmMem[v] = vm.PoweredOn ? Math.Max(0, vm.MemoryDemandBytes) : 0;
            VmConfigured[v] = vm.PoweredOn ? Math.Max(0, vm.ConfiguredMemoryBytes) : 0;
            VmGroups[v] = groupIndex.TryGetValue(vm.Id, out var groups) ? [.. groups] : [];
            CpuLoad[h] += VmCpu[v] / CpuCapacity[h];
            MemLoad[h] += VmMem[v] / MemCapacity[h];
            ReservedMemory[h] += VmConfigured[v];
            foreach (var g in VmGroups[v])
            {
                GroupHostCount[(g * HostCount) + h]++;
            }
        }

        RecomputeSums();
    }

    public string[] HostIds { get; }
    public double[] CpuCapacity { get; }
    public double[] MemCapacity { get; }
    public double[] CpuLoad { get; }
    public double[] MemLoad { get; }
    public double[] ReservedMemory { get; }
    public string[] VmIds { get; }
    public int[] VmHost { get; }
    public int[] OriginalHost { get; }
    public double[] VmCpu { get; }
    public double[] VmMem { get; }
    public double[] VmConfigured { get; }
    public bool[] VmMovable { get; }
    public int[][] VmGroups { get; }

    /// <summary>Members of each anti-affinity group on each host: [group * HostCount + host].</summary>
    public int[] GroupHostCount { get; }

    public int HostCount => HostIds.Length;

    public int VmCount => VmIds.Length;

    public double Imbalance() => Combine(_cpuSum, _cpuSquares, _memSum, _memSquares);

    /// <summary>The imbalance if VM <paramref name="v"/> moved to host <paramref name="to"/>.</summary>
    public double ImbalanceAfter(int v, int to)
    {
        var from = VmHost[v];
        var dcFrom = VmCpu[v] / CpuCapacity[from];
        var dcTo = VmCpu[v] / CpuCapacity[to];
        var dmFrom = VmMem[v] / MemCapacity[from];
        var dmTo = VmMem[v] / MemCapacity[to];
        var cFrom = CpuLoad[from];
        var cTo = CpuLoad[to];
        var mFrom = MemLoad[from];
        var mTo = MemLoad[to];
        var cpuSum = _cpuSum - dcFrom + dcTo;
        var cpuSquares = _cpuSquares - (cFrom * cFrom) - (cTo * cTo)
            + ((cFrom - dcFrom) * (cFrom - dcFrom)) + ((cTo + dcTo) * (cTo + dcTo));
        var memSum = _memSum - dmFrom + dmTo;
        var memSquares = _memSquares - (mFrom * mFrom) - (mTo * mTo)
            + ((mFrom - dmFrom) * (mFrom - dmFrom)) + ((mTo + dmTo) * (mTo + dmTo));
        return Combine(cpuSum, cpuSquares, memSum, memSquares);
    }

    /// <summary>True when the hard constraints allow VM <paramref name="v"/> onto host <paramref name="to"/>:
    /// powered on, the configured memory fits, no anti-affinity partner there.</summary>
    public bool Allows(int v, int to)
    {
        if (!VmMovable[v] || VmHost[v] == to)
        {
            return false;
        }

        if (ReservedMemory[to] + VmConfigured[v] > MemCapacity[to])
        {
            return false;
        }

        foreach (var g in VmGroups[v])
        {
            if (GroupHostCount[(g * HostCount) + to] > 0)
            {
                return false;
            }
        }

        return true;
    }

    public void Move(int v, int to)
    {
        var from = VmHost[v];
        CpuLoad[from] -= VmCpu[v] / CpuCapacity[from];
        CpuLoad[to] += VmCpu[v] / CpuCapacity[to];
        MemLoad[from] -= VmMem[v] / MemCapacity[from];
        MemLoad[to] += VmMem[v] / MemCapacity[to];
        ReservedMemory[from] -= VmConfigured[v];
        ReservedMemory[to] += VmConfigured[v];
        foreach (var g in VmGroups[v])
        {
            GroupHostCount[(g * HostCount) + from]--;
            GroupHostCount[(g * HostCount) + to]++;
        }

        VmHost[v] = to;
        RecomputeSums();
    }

    // Summed afresh after each move (a few hundred additions at most) so rounding never accumulates.
    private void RecomputeSums()
    {
        _cpuSum = _cpuSquares = _memSum = _memSquares = 0;
        for (var h = 0; h < HostCount; h++)
        {
            _cpuSum += CpuLoad[h];
            _cpuSquares += CpuLoad[h] * CpuLoad[h];
            _memSum += MemLoad[h];
            _memSquares += MemLoad[h] * MemLoad[h];
        }
    }

    private static bool IsActive(BalancerHost host) =>
        !host.InMaintenance && host.CpuCapacity > 0 && host.MemoryCapacityBytes > 0;

    private static Dictionary<string, List<int>> BuildGroups(BalancerCluster cluster, out int count)
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        count = cluster.Groups.Count;
        for (var g = 0; g < cluster.Groups.Count; g++)
        {
            foreach (var vm in cluster.Groups[g].VmIds.Distinct(StringComparer.Ordinal))
            {
                if (!index.TryGetValue(vm, out var groups))
                {
                    groups = [];
                    index[vm] = groups;
                }

                groups.Add(g);
            }
        }

        return index;
    }

    private double Combine(double cpuSum, double cpuSquares, double memSum, double memSquares)
    {
        var n = HostCount;
        if (n < 2)
        {
            return 0;
        }

        var cpuVariance = Math.Max(0, (cpuSquares / n) - ((cpuSum / n) * (cpuSum / n)));
        var memVariance = Math.Max(0, (memSquares / n) - ((memSum / n) * (memSum / n)));
        return Math.Sqrt((_cpuWeight * cpuVariance) + (_memoryWeight * memVariance));
    }
}
