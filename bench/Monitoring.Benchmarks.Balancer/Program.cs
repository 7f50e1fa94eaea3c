using System.Diagnostics;
using System.Globalization;
using Monitoring.Benchmarks.Balancer;
using Monitoring.Remediation.Balancing;

// Usage: Monitoring.Benchmarks.Balancer [CLUSTERS HOSTS_PER_CLUSTER VMS_PER_CLUSTER] [RUNS]
// Default: 20 clusters x 50 hosts x 1,000 VMs (1,000 hosts, 20,000 VMs), 7 runs.
var clusters = args.Length >= 3 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var hostsPer = args.Length >= 3 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var vmsPer = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var runs = args.Length >= 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 7;
var estate = new SyntheticEstate(clusters, hostsPer, vmsPer, seed: 42);
var settings = new BalancerSettings();

var times = new List<double>();
var moves = 0;
double before = 0, after = 0;
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    moves = 0;
    before = after = 0;
    foreach (var (hosts, vms, group) in estate.Clusters)
    {
        // The pass as the service runs it: smooth every VM's last ten minutes, then plan.
        var balancerVms = vms.Select(vm => new BalancerVm(
            vm.Id,
            vm.HostId,
            (LoadSignal.Smooth(vm.CpuMinutes) ?? 0) * vm.Cpus,
            (LoadSignal.Smooth(vm.MemoryMinutes) ?? 0) * vm.MemoryBytes,
            vm.MemoryBytes,
            vm.PoweredOn)).ToList();
        var plan = GreedyBalancer.Plan(new BalancerCluster(hosts[0].Id, hosts, balancerVms, [group]), settings);
        moves += plan.Moves.Count;
        before = Math.Max(before, plan.ImbalanceBefore);
        after = Math.Max(after, plan.ImbalanceAfter);
    }

    times.Add(clock.Elapsed.TotalMilliseconds);
}

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
var sorted = times.Order().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"balancer pass: {clusters * hostsPer} hosts, {clusters * vmsPer} VMs in {clusters} clusters; " +
    $"K={settings.MaxMovesPerPass}, beam >= {settings.BeamWidth}, budget {settings.SearchBudget:N0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  first run {times[0]:F0} ms; median of {runs} {sorted[runs / 2]:F0} ms; best {sorted[0]:F0} ms (goal < 1000 ms)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {moves} moves proposed; worst cluster imbalance {before:F3} -> {after:F3}; load average {load}"));
