using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary><c>monitoring run</c> against the simulator: scheduled passes, stored samples, /metrics
/// that promtool accepts with one series per simulated host and VM, a real Prometheus that scrapes it
/// and reads the values back, a clean stop on SIGTERM.</summary>
public sealed class RunServiceTests
{
    [Fact]
    public async Task Run_AgainstSimulator_StoresSamplesServesValidMetricsForEveryObjectAndPrometheusReadsThem()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "2", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1");
        await PyVmomi.ActAsync(simulator, "power-off", "DC0_H0_VM0"); // no realtime stats for it
        var expected = await PyVmomi.InventoryAsync(simulator, "vc1");
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 2, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 60 },
                Targets = new[] { Workspace.Target("vc1", simulator) },
            },
        });

        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        var hosts = expected.GetProperty("hosts").GetArrayLength();
        var runningVms = expected.GetProperty("vms").EnumerateArray().Count(v => v.GetProperty("powerState").GetString() == "poweredOn");
        var vms = expected.GetProperty("vms").GetArrayLength();
        var datastores = expected.GetProperty("datastores").GetArrayLength();
        var exposition = await WaitForAsync(service, e =>
            Exposition.Series(e, "virt_host_cpu_usage_ratio").Count == hosts &&
            Exposition.Series(e, "virt_vm_cpu_usage_ratio").Count == runningVms &&
            Exposition.Series(e, "virt_vm_power_state").Count == vms);

        // Series counts equal what the simulator holds, as read by pyvmomi.
        Assert.Equal(hosts, Exposition.Series(exposition, "virt_host_memory_usage_ratio").Count);
        Assert.Equal(runningVms, Exposition.Series(exposition, "virt_vm_memory_usage_ratio").Count);
        var vmNames = Exposition.Series(exposition, "virt_vm_cpu_usage_ratio").Select(l => Exposition.Label(l, "vm")).Order().ToList();
        var expectedNames = expected.GetProperty("vms").EnumerateArray().Where(v => v.GetProperty("powerState").GetString() == "poweredOn").Select(v => v.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(expectedNames, vmNames);
        Assert.All(Exposition.Series(exposition, "virt_vm_cpu_usage_ratio"), l => Assert.InRange(Exposition.Value(l), 0, 1));
        Assert.Contains("virt_collector_success{target=\"vc1\",pass=\"realtime\"} 1", exposition, StringComparison.Ordinal);
        Assert.Contains("virt_collector_success{target=\"vc1\",pass=\"inventory\"} 1", exposition, StringComparison.Ordinal);
        Assert.Contains("virt_collector_requests_total{target=\"vc1\",method=\"QueryPerf\"}", exposition, StringComparison.Ordinal);

        // Inventory series: one per host, VM and datastore the simulator holds, labelled with its cluster.
        Assert.Equal(hosts, Exposition.Series(exposition, "virt_host_health").Count);
        Assert.Equal(vms, Exposition.Series(exposition, "virt_vm_power_state").Count);
        Assert.Equal(datastores, Exposition.Series(exposition, "virt_datastore_free_bytes").Count);
        foreach (var host in expected.GetProperty("hosts").EnumerateArray())
        {
            var line = Assert.Single(Exposition.Series(exposition, "virt_host_cpus"), l => Exposition.Label(l, "id") == host.GetProperty("id").GetString());
            Assert.Equal(host.GetProperty("cluster").GetString() ?? string.Empty, Exposition.Label(line, "cluster"));
            Assert.Equal(host.GetProperty("cpuCount").GetInt32(), Exposition.Value(line));
        }

        var poweredOff = Assert.Single(Exposition.Series(exposition, "virt_vm_power_state"), l => Exposition.Label(l, "vm") == "DC0_H0_VM0");
        Assert.Equal(2, Exposition.Value(poweredOff));

        var (exitCode, output) = await Promtool.CheckMetricsAsync(exposition);
        Assert.True(exitCode == 0, $"promtool check metrics failed:\n{output}\n{exposition}");

        await PrometheusReadsBackAsync(url, expected);

        // Samples reach the database for every host and running VM, and the inventory pass's storage samples
        // (capacity and used bytes) for every datastore.
        var stored = await WaitForStoredObjectsAsync(workspace, hosts + runningVms);
        Assert.Equal(hosts + runningVms, stored);
        var database = Path.Combine(workspace.Directory, "data", "monitoring.db");
        Assert.Equal(datastores, await DatabaseDump.CountDistinctAsync(database, "MinuteSamples", "ObjectId", "\"Metric\" = 'storage.used'"));
        Assert.Equal(datastores, await DatabaseDump.CountDistinctAsync(database, "MinuteSamples", "ObjectId", "\"Metric\" = 'storage.capacity'"));

        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
    }

    /// <summary>A real Prometheus scrapes the service (OpenMetrics and gzip, as it asks for them), evaluates
    /// the shipped recording rules, and its HTTP API returns the values the simulator holds.</summary>
    private static async Task PrometheusReadsBackAsync(Uri service, System.Text.Json.JsonElement expected)
    {
        var rules = Path.Combine(RepositoryPaths.Root, "dashboards", "prometheus", "virt-rules.yml");
        await using var prometheus = await PrometheusServer.StartAsync(service.Authority, [rules]);
        var hosts = expected.GetProperty("hosts").EnumerateArray().ToList();
        var within = TimeSpan.FromSeconds(60);

        // A host metric: memory size per host id, as pyvmomi reads it.
        var memory = await prometheus.WaitForAsync("virt_host_memory_bytes{job=\"monitoring\"}", hosts.Count, within);
        foreach (var host in hosts)
        {
            var (_, value) = Assert.Single(memory, r => r.Labels["id"] == host.GetProperty("id").GetString());
            Assert.Equal(host.GetProperty("memoryBytes").GetInt64(), value);
        }

        // A VM metric: power state and vCPUs of each VM.
        var vms = expected.GetProperty("vms").EnumerateArray().ToList();
        var power = await prometheus.WaitForAsync("virt_vm_power_state", vms.Count, within);
        var cpus = await prometheus.WaitForAsync("virt_vm_cpus", vms.Count, within);
        foreach (var vm in vms)
        {
            var id = vm.GetProperty("id").GetString();
            Assert.Equal(vm.GetProperty("powerState").GetString() == "poweredOn" ? 1 : 2, Assert.Single(power, r => r.Labels["id"] == id).Value);
            Assert.Equal(vm.GetProperty("cpuCount").GetInt32(), Assert.Single(cpus, r => r.Labels["id"] == id).Value);
        }

        // A realtime metric arrives too, one series per host.
        var usage = await prometheus.WaitForAsync("virt_host_cpu_usage_ratio", hosts.Count, within);
        Assert.All(usage, r => Assert.InRange(r.Value, 0, 2));

        // The recording rules roll hosts up per cluster: logical processors per cluster, as pyvmomi counts them.
        var clusters = hosts.GroupBy(h => h.GetProperty("cluster").GetString() ?? string.Empty).ToList();
        var perCluster = await prometheus.WaitForAsync("cluster:virt_host_cpus:sum", clusters.Count, within);
        foreach (var cluster in clusters)
        {
            var (_, value) = Assert.Single(perCluster, r => r.Labels.GetValueOrDefault("cluster", string.Empty) == cluster.Key);
            Assert.Equal(cluster.Sum(h => h.GetProperty("cpuCount").GetInt32()), value);
        }
    }

    private static async Task<string> WaitForAsync(ServiceProcess service, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            last = await service.GetAsync("/metrics");
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"/metrics never showed every object:\n{last}\n--- service log ---\n{service.Stderr}");
    }

    private static async Task<int> WaitForStoredObjectsAsync(Workspace workspace, int expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(150);
        var count = 0;
        while (DateTime.UtcNow < deadline)
        {
            // Realtime samples only: datastores' storage samples share the table.
            count = await DatabaseDump.CountDistinctAsync(Path.Combine(workspace.Directory, "data", "monitoring.db"), "MinuteSamples", "ObjectId", "\"Metric\" NOT LIKE 'storage.%'");
            if (count >= expected)
            {
                return count;
            }

            await Task.Delay(2000);
        }

        return count;
    }
}
