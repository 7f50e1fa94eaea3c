using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary><c>monitoring run</c> with WinRM targets: scheduled inventory and realtime passes, /metrics that
/// promtool accepts, with the values the hosts reported, and a clean stop.</summary>
public sealed class RunWinRMServiceTests
{
    [Fact]
    public async Task Run_HyperVAndWindowsTargets_ServesTheirLoadOnMetrics()
    {
        await using var hyperV = await WsManEndpoint.StartAsync("hyperv-2016");
        await using var windows = await WsManEndpoint.StartNtlmAsync("windows-2008r2");
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 2, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 60 },
                Targets = new[] { hyperV.Target("hv", "HyperV"), windows.Target("win", "Windows") },
            },
        });

        var key = await workspace.CreateApiKeyAsync("reader", "reader");
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        var exposition = await WaitForAsync(service, e =>
            e.Contains("virt_collector_success{target=\"hv\",pass=\"realtime\"} 1", StringComparison.Ordinal) &&
            e.Contains("virt_collector_success{target=\"win\",pass=\"realtime\"} 1", StringComparison.Ordinal) &&
            e.Contains("virt_collector_success{target=\"hv\",pass=\"inventory\"} 1", StringComparison.Ordinal) &&
            e.Contains("virt_collector_success{target=\"win\",pass=\"inventory\"} 1", StringComparison.Ordinal) &&
            // A realtime pass that ends before the first inventory is stored has no names for its objects
            // yet; the next one has: wait until both hosts and the running VM show.
            Exposition.Series(e, "virt_host_cpu_usage_ratio").Count == 2 &&
            Exposition.Series(e, "virt_vm_cpu_usage_ratio").Count > 0);

        // The running VM's load and the hosts' CPU, as their replies hold them.
        var running = ServedReply.Instances("hyperv-2016", "Msvm_SummaryInformation", "GetSummaryInformation").Where(s => s["EnabledState"] == "2").ToList();
        var vmSeries = Exposition.Series(exposition, "virt_vm_cpu_usage_ratio");
        Assert.Equal(running.Select(s => s["ElementName"]).Order(StringComparer.Ordinal), vmSeries.Select(l => Exposition.Label(l, "vm")).Order(StringComparer.Ordinal));
        Assert.All(running, s => Assert.Equal(
            double.Parse(s["ProcessorLoad"]!, CultureInfo.InvariantCulture) / 100,
            Exposition.Value(vmSeries.Single(l => Exposition.Label(l, "vm") == s["ElementName"])),
            precision: 6));
        var hostCpu = Exposition.Series(exposition, "virt_host_cpu_usage_ratio");
        var hypervisor = ServedReply.Single("hyperv-2016", "Win32_PerfFormattedData_HvStats_HyperVHypervisorLogicalProcessor");
        Assert.Equal(double.Parse(hypervisor["PercentTotalRunTime"]!, CultureInfo.InvariantCulture) / 100, Exposition.Value(hostCpu.Single(l => Exposition.Label(l, "target") == "hv")), precision: 6);
        var processor = ServedReply.Single("windows-2008r2", "Win32_PerfFormattedData_PerfOS_Processor");
        Assert.Equal(double.Parse(processor["PercentProcessorTime"]!, CultureInfo.InvariantCulture) / 100, Exposition.Value(hostCpu.Single(l => Exposition.Label(l, "target") == "win")), precision: 6);
        Assert.Equal("VAGRANT-2008R2", Exposition.Label(hostCpu.Single(l => Exposition.Label(l, "target") == "win"), "host"));
        Assert.Contains("virt_collector_requests_total{target=\"hv\",method=\"GetSummaryInformation\"}", exposition, StringComparison.Ordinal);
        Assert.True(windows.SealedRequests > 0);

        // Boot times: a series for each running VM (served UpTime above 0) and none for the others; the host's as served.
        var summaries = ServedReply.Instances("hyperv-2016", "Msvm_SummaryInformation", "GetSummaryInformation");
        Assert.Equal(
            summaries.Where(s => s["UpTime"] != "0").Select(s => s["ElementName"]).Order(StringComparer.Ordinal),
            Exposition.Series(exposition, "virt_vm_boot_time_seconds").Select(l => Exposition.Label(l, "vm")).Order(StringComparer.Ordinal));
        var hostBoot = Exposition.Series(exposition, "virt_host_boot_time_seconds").Single(l => Exposition.Label(l, "target") == "hv");
        Assert.Equal((double)WindowsHostTests.ServedLastBoot("hyperv-2016").ToUnixTimeSeconds(), Exposition.Value(hostBoot));

        // The API lists each Hyper-V VM with its virtual disks, as the served disk settings hold them.
        var vms = JsonNode.Parse(await service.GetAsync("/api/v1/vms?target=hv"))!["items"]!.AsArray();
        var settings = ServedReply.Instances("hyperv-2016", "Msvm_StorageAllocationSettingData");
        foreach (var machine in ServedReply.Instances("hyperv-2016", "Msvm_ComputerSystem"))
        {
            var vm = vms.Single(v => v!["id"]!.GetValue<string>() == "hv/" + machine["Name"])!;
            var served = settings.Where(d => d["InstanceID"]!.StartsWith("Microsoft:" + machine["Name"] + "\\", StringComparison.Ordinal)
                && d["ResourceSubType"] == "Microsoft:Hyper-V:Virtual Hard Disk").Select(d => d["HostResource"]!).Order(StringComparer.Ordinal);
            Assert.Equal(served, vm["disks"]!.AsArray().Select(d => d!["path"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            Assert.Equal(summaries.Single(s => s["Name"] == machine["Name"])["UpTime"] == "0", vm["bootedAt"] is null);
        }

        var (exitCode, output) = await Promtool.CheckMetricsAsync(exposition);
        Assert.True(exitCode == 0, $"promtool check metrics failed:\n{output}\n{exposition}");
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

        throw new TimeoutException($"/metrics never showed both WinRM targets collected:\n{last}\n--- service log ---\n{service.Stderr}");
    }
}
