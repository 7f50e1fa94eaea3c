using System.Diagnostics;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>The availability alert end to end, against the real simulator: killed, its target raises
/// <c>VirtTargetUnreachable</c> within the contract's two minutes (seen by the API and by <c>alerts --json</c>);
/// acknowledged from the command line while the service runs, the API sees it; the service restarted, the alert is
/// read back and not duplicated; the simulator back, the alert closes itself (resolved by System).</summary>
public sealed class AlertLifecycleTests
{
    private const string Target = "vc1";
    private const string TargetNode = "target:" + Target;

    private readonly ITestOutputHelper _output;

    public AlertLifecycleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_TargetKilledAckedRestartedAndBack_OneAlertRaisedAcknowledgedKeptAndAutoResolved()
    {
        using var workspace = new Workspace();
        var simulator = await Simulator.StartAsync(["-dc", "1", "-cluster", "1", "-host", "1", "-vm", "1", "-ds", "1"]);
        SimulatorProcess? restarted = null;
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        void WriteConfig(SimulatorProcess sim) => workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 30 },
                Targets = new[] { Workspace.Target(Target, sim) },
            },
        });
        WriteConfig(simulator);
        var key = await workspace.CreateApiKeyAsync("health-test", "operator");
        var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        try
        {
            await WaitForAsync("the target healthy in the health tree", TimeSpan.FromSeconds(90), service, async () =>
                (await GetJsonAsync(service, $"/api/v1/health/{TargetNode}"))["state"]!.GetValue<string>() == "healthy");

            var port = simulator.Endpoint.Url.Port;
            var clock = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(simulator.Pid))
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            JsonNode? alert = null;
            await WaitForAsync("VirtTargetUnreachable in GET /api/v1/alerts", TimeSpan.FromSeconds(150), service, async () =>
            {
                alert = (await GetJsonAsync(service, "/api/v1/alerts"))["items"]!.AsArray().FirstOrDefault(a => a!["name"]!.GetValue<string>() == "VirtTargetUnreachable");
                return alert is not null;
            });
            _output.WriteLine($"alert raised {clock.Elapsed.TotalSeconds:0.0} s after the kill");
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 120);
            var id = alert!["id"]!.GetValue<long>();
            Assert.Equal(TargetNode, alert["object"]!.GetValue<string>());
            Assert.Equal(Target, alert["target"]!.GetValue<string>());
            Assert.Equal("Critical", alert["severity"]!.GetValue<string>());
            Assert.Equal("open", alert["state"]!.GetValue<string>());
            Assert.Equal(0, alert["resolutionState"]!.GetValue<int>());

            var listed = await Cli.RunAsync(workspace.Directory, "alerts", "--json", "--config", workspace.ConfigPath);
            Assert.True(listed.ExitCode == 0, listed.ToString());
            var fromCli = Assert.Single(JsonNode.Parse(listed.Stdout)!.AsArray(), a => a!["id"]!.GetValue<long>() == id)!;
            Assert.Equal("VirtTargetUnreachable", fromCli["name"]!.GetValue<string>());

            // Acknowledged from the command line while the service runs: the API reads the same row.
            var ack = await Cli.RunAsync(workspace.Directory, "alerts", "ack", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--comment", "looking into it", "--config", workspace.ConfigPath);
            Assert.True(ack.ExitCode == 0, ack.ToString());
            var acked = await GetJsonAsync(service, $"/api/v1/alerts/{id}");
            Assert.Equal(249, acked["resolutionState"]!.GetValue<int>());
            Assert.Contains(acked["comments"]!.AsArray(), c => c!["text"]!.GetValue<string>().Contains("looking into it", StringComparison.Ordinal) && c["author"]!.GetValue<string>().StartsWith("cli:", StringComparison.Ordinal));

            // Restarted with the target still down: once the monitor is critical again, the same alert stands alone.
            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
            await service.DisposeAsync();
            service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
            service.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
            await WaitForAsync("the target critical again after the restart", TimeSpan.FromSeconds(150), service, async () =>
                (await GetJsonAsync(service, $"/api/v1/health/{TargetNode}"))["state"]!.GetValue<string>() == "critical");
            var open = (await GetJsonAsync(service, "/api/v1/alerts")).AsObject()["items"]!.AsArray().Where(a => a!["name"]!.GetValue<string>() == "VirtTargetUnreachable").ToList();
            var kept = Assert.Single(open)!;
            Assert.Equal(id, kept["id"]!.GetValue<long>());
            Assert.Equal(249, kept["resolutionState"]!.GetValue<int>());

            // Back on the same address (a new certificate: pinned again; the service rereads its configuration).
            restarted = await Simulator.StartAsync(["-dc", "1", "-cluster", "1", "-host", "1", "-vm", "1", "-ds", "1", "-listen", $"127.0.0.1:{port}"]);
            WriteConfig(restarted);
            await WaitForAsync("the alert closed by System", TimeSpan.FromSeconds(120), service, async () =>
                (await GetJsonAsync(service, $"/api/v1/alerts/{id}"))["state"]!.GetValue<string>() == "closed");
            var closed = await GetJsonAsync(service, $"/api/v1/alerts/{id}");
            Assert.Equal(255, closed["resolutionState"]!.GetValue<int>());
            Assert.Equal("System", closed["resolvedBy"]!.GetValue<string>());
            Assert.DoesNotContain((await GetJsonAsync(service, "/api/v1/alerts"))["items"]!.AsArray(), a => a!["name"]!.GetValue<string>() == "VirtTargetUnreachable");
            var history = (await GetJsonAsync(service, $"/api/v1/health/history?object={TargetNode}&from=2000-01-01T00:00:00Z"))["items"]!.AsArray();
            Assert.Contains(history, h => h!["monitor"]?.GetValue<string>() == "target.availability" && h["to"]!.GetValue<string>() == "critical");
            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
        }
        finally
        {
            _output.WriteLine(service.Stderr);
            await service.DisposeAsync();
            await simulator.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    private static async Task<JsonNode> GetJsonAsync(ServiceProcess service, string path) =>
        JsonNode.Parse(await service.GetAsync(path)) ?? throw new InvalidOperationException($"{path}: empty body");

    private static Task WaitForAsync(string what, TimeSpan within, ServiceProcess service, Func<Task<bool>> condition) =>
        service.WaitUntilAsync(what, within, condition);
}
