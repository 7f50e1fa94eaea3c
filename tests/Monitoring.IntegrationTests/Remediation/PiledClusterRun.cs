using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Remediation;

/// <summary>The service running against a simulator whose one cluster (3 hosts) has all its VMs relocated onto its
/// first host by pyvmomi, with a balancer quick enough for a test (first pass after 20 s, then every minute,
/// migration threshold 5), and an operator and a reader key. Stops everything it started, by PID.</summary>
internal sealed class PiledClusterRun : IAsyncDisposable
{
    public const string Target = "vc1";

    /// <summary>The host every VM was piled onto.</summary>
    public const string PiledHost = "DC0_C0_H0";

    private readonly ITestOutputHelper _output;
    private ServiceProcess? _service;

    private PiledClusterRun(ITestOutputHelper output, SimulatorProcess simulator)
    {
        _output = output;
        Simulator = simulator;
    }

    public Workspace Workspace { get; } = new();

    public SimulatorProcess Simulator { get; }

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

    public string OperatorKey { get; private set; } = string.Empty;

    public string ReaderKey { get; private set; } = string.Empty;

    /// <summary>Starts the simulator with <paramref name="vms"/> VMs in the cluster, piles them up, and starts the service.</summary>
    public static async Task<PiledClusterRun> StartAsync(int vms, ITestOutputHelper output)
    {
        var simulator = await Infrastructure.Simulator.StartAsync(["-dc", "1", "-cluster", "1", "-host", "3", "-standalone-host", "0", "-vm", vms.ToString(System.Globalization.CultureInfo.InvariantCulture), "-ds", "1"]);
        var run = new PiledClusterRun(output, simulator);
        try
        {
            for (var i = 0; i < vms; i++)
            {
                await PyVmomi.ActAsync(simulator, "relocate", $"DC0_C0_RP0_VM{i}", PiledHost);
            }

            var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
            run.Workspace.WriteConfigDocument(new
            {
                Monitoring = new
                {
                    Http = new { Urls = url.ToString().TrimEnd('/') },
                    Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 30 },
                    Balancer = new { FirstPassWithinSeconds = 20, IntervalSeconds = 60, MigrationThreshold = 5 },
                    Remediation = new { ActionTimeoutSeconds = 60 },
                    Targets = new[] { Workspace.Target(Target, simulator) },
                },
            });
            run.OperatorKey = await run.Workspace.CreateApiKeyAsync("tips-operator", "operator");
            run.ReaderKey = await run.Workspace.CreateApiKeyAsync("tips-reader", "reader");
            run._service = await ServiceProcess.StartAsync(run.Workspace.Directory, run.Workspace.ConfigPath, url);
            run.Service.Http.DefaultRequestHeaders.Add("X-Api-Key", run.OperatorKey);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Active <c>migrate</c> tips, once there are at least <paramref name="atLeast"/> (the balancer needs a
    /// minute of performance data first).</summary>
    public async Task<List<JsonNode>> WaitForMigrationTipsAsync(int atLeast)
    {
        List<JsonNode> tips = [];
        await WaitForAsync($"{atLeast} migration tip(s)", TimeSpan.FromSeconds(180), async () =>
        {
            tips = [.. (await GetJsonAsync("/api/v1/tips?status=Active"))["items"]!.AsArray().Where(t => t!["action"]!["kind"]!.GetValue<string>() == "migrate").Select(t => t!)];
            return tips.Count >= atLeast;
        });
        return tips;
    }

    /// <summary>The tip once it is final (with its history).</summary>
    public async Task<JsonNode> WaitForFinalAsync(string id)
    {
        JsonNode tip = new JsonObject();
        await WaitForAsync($"tip {id} to end", TimeSpan.FromSeconds(90), async () =>
        {
            tip = await GetJsonAsync($"/api/v1/tips/{id}");
            return tip["status"]!.GetValue<string>() is "Resolved" or "Failed" or "Dismissed" or "Closed";
        });
        return tip;
    }

    /// <summary>A GET with the operator key, parsed.</summary>
    public async Task<JsonNode> GetJsonAsync(string path) =>
        JsonNode.Parse(await Service.GetAsync(path)) ?? throw new InvalidOperationException($"{path}: empty body");

    /// <summary>The inventory id of the host pyvmomi (an independent client) sees VM <paramref name="vmId"/> on.</summary>
    public async Task<string?> HostOfAsync(string vmId) =>
        (await PyVmomi.InventoryAsync(Simulator, Target)).GetProperty("vms").EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == vmId).GetProperty("hostId").GetString();

    /// <summary>The name pyvmomi gives VM <paramref name="vmId"/>.</summary>
    public async Task<string> NameOfAsync(string vmId) =>
        (await PyVmomi.InventoryAsync(Simulator, Target)).GetProperty("vms").EnumerateArray()
            .Single(v => v.GetProperty("id").GetString() == vmId).GetProperty("name").GetString()!;

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            _output.WriteLine(_service.Stderr);
            await _service.DisposeAsync();
        }

        await Simulator.DisposeAsync();
        Workspace.Dispose();
    }

    private Task WaitForAsync(string what, TimeSpan within, Func<Task<bool>> condition) =>
        Service.WaitUntilAsync(what, within, condition);
}
