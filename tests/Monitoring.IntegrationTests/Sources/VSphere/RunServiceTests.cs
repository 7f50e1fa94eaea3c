using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.VSphere;

/// <summary><c>monitoring run</c> against the simulator: scheduled passes, stored samples, /metrics
/// that promtool accepts with one series per simulated host and VM, a clean stop on SIGTERM.</summary>
public sealed class RunServiceTests
{
    [Fact]
    public async Task Run_AgainstSimulator_StoresSamplesAndServesValidMetricsForEveryHostAndVm()
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
        var exposition = await WaitForAsync(service, e =>
            Exposition.Series(e, "virt_host_cpu_usage_ratio").Count == hosts &&
            Exposition.Series(e, "virt_vm_cpu_usage_ratio").Count == runningVms);

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

        var (exitCode, output) = await Promtool.CheckMetricsAsync(exposition);
        Assert.True(exitCode == 0, $"promtool check metrics failed:\n{output}\n{exposition}");

        // Samples reach the database for every host and running VM.
        var stored = await WaitForStoredObjectsAsync(workspace, hosts + runningVms);
        Assert.Equal(hosts + runningVms, stored);

        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
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
            count = await DatabaseDump.CountDistinctAsync(Path.Combine(workspace.Directory, "data", "monitoring.db"), "MinuteSamples", "ObjectId");
            if (count >= expected)
            {
                return count;
            }

            await Task.Delay(2000);
        }

        return count;
    }
}
