using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Monitoring.IntegrationTests.ManagementPack;

/// <summary>One simulator and one <c>monitoring run</c> collecting from it, shared by the pack script tests: started
/// once, ready when the whole inventory is stored and every host has a minute of CPU and memory use.</summary>
public sealed class PackScriptEstate : IAsyncLifetime, IDisposable
{
    public const string Target = "vc1";

    // 2 clusters of 2 hosts, 1 standalone host; 35 VMs per resource pool (105): more than the API's default page of 100.
    private static readonly string[] s_model = ["-dc", "1", "-cluster", "2", "-host", "2", "-standalone-host", "1", "-vm", "35", "-ds", "2"];

    private readonly Workspace _workspace = new();
    private readonly IMessageSink _log;
    private SimulatorProcess? _simulator;
    private ServiceProcess? _service;

    public PackScriptEstate(IMessageSink log) => _log = log;

    internal ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

    /// <summary>What the simulator holds, as pyvmomi reads it (ids built for <see cref="Target"/>).</summary>
    public JsonElement Expected { get; private set; }

    /// <summary>A reader key, as the pack's Run As account holds one.</summary>
    public string Key { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _simulator = await Simulator.StartAsync(s_model);
        Expected = await PyVmomi.InventoryAsync(_simulator, Target);
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        _workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 10, InventoryIntervalSeconds = 120 },
                Targets = new[] { Workspace.Target(Target, _simulator) },
            },
        });
        Key = await _workspace.CreateApiKeyAsync("scom", "reader");
        _service = await ServiceProcess.StartAsync(_workspace.Directory, _workspace.ConfigPath, url);
        _service.Http.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var hosts = Ids(Expected.GetProperty("hosts"));
        await WaitForAsync("the inventory and every host's usage", TimeSpan.FromSeconds(120), async () =>
            (await ListAsync("vms")).Count == Expected.GetProperty("vms").GetArrayLength()
            && (await ListAsync("hosts")).Count == hosts.Count
            && (await Task.WhenAll(hosts.Select(LatestUsageAsync))).All(u => u.Count == 2));
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            _log.OnMessage(new DiagnosticMessage(_service.Stderr));
            await _service.DisposeAsync();
        }

        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both on a fixture): the service no longer uses the folder.</summary>
    public void Dispose() => _workspace.Dispose();

    public static List<string> Ids(JsonElement array) => [.. array.EnumerateArray().Select(o => o.GetProperty("id").GetString()!)];

    /// <summary>Every object of a collection as the API lists it, all pages.</summary>
    public async Task<List<JsonNode>> ListAsync(string collection)
    {
        var all = new List<JsonNode>();
        while (true)
        {
            var page = JsonNode.Parse(await Service.GetAsync($"/api/v1/{collection}?limit=1000&offset={all.Count}"))!;
            var items = page["items"]!.AsArray();
            all.AddRange(items.Select(i => i!));
            if (items.Count == 0 || all.Count >= page["total"]!.GetValue<int>())
            {
                return all;
            }
        }
    }

    /// <summary>The last minute point of cpu.usage and memory.usage the API holds for a host (fewer keys when it has none).</summary>
    public async Task<Dictionary<string, double>> LatestUsageAsync(string hostId)
    {
        var series = JsonNode.Parse(await Service.GetAsync($"/api/v1/performance?object={Uri.EscapeDataString(hostId)}"))!["series"]!.AsArray();
        return series.Where(s => s!["metric"]!.GetValue<string>() is "cpu.usage" or "memory.usage" && s["points"]!.AsArray().Count > 0)
            .ToDictionary(s => s!["metric"]!.GetValue<string>(), s => s!["points"]!.AsArray()[^1]!["average"]!.GetValue<double>(), StringComparer.Ordinal);
    }

    private Task WaitForAsync(string what, TimeSpan within, Func<Task<bool>> condition) =>
        Service.WaitUntilAsync(what, within, condition);
}
