using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.ManagementPack;

/// <summary>The management pack's discovery and monitor scripts, taken from the built pack, run under PowerShell 7 with
/// the MOM.ScriptAPI stand-in against the real <c>monitoring run</c> collecting from the real simulator: what they hand
/// the operations manager is what the simulator holds (ids and names, read independently by pyvmomi) and what the
/// service's API says of each object. The estate holds more VMs than one page of the API, so the scripts must page.</summary>
public sealed class PackScriptsAgainstServiceTests : IClassFixture<PackScriptEstate>
{
    private readonly PackScriptEstate _estate;
    private readonly ServiceProcess _service;
    private readonly JsonElement _expected;
    private readonly string _key;

    public PackScriptsAgainstServiceTests(PackScriptEstate estate)
    {
        _estate = estate;
        _service = estate.Service;
        _expected = estate.Expected;
        _key = estate.Key;
    }

    [Fact]
    public async Task PackScripts_AgainstTheRunningService_DiscoverTheSimulatorsEstateAndReportTheApisHealth()
    {
        Assert.True(_expected.GetProperty("vms").GetArrayLength() > 100, "the model must hold more VMs than one API page");

        // Discover-Inventory.ps1: the target, clusters (as host groups), hosts and datastores, with ids and names as
        // the simulator holds them, and each clustered host in its cluster's host group.
        var inventory = Assert.Single((await RunAsync("Discover-Inventory.ps1", Discovery(_key))).GetProperty("discoveries").EnumerateArray());
        var instances = inventory.GetProperty("instances").EnumerateArray().ToList();
        Assert.Equal([$"Target {PackScriptEstate.Target}"], Described(instances, "Target"));
        Assert.Equal(Expected("clusters", "HostGroup"), Described(instances, "HostGroup"));
        Assert.Equal(Expected("hosts", "Host"), Described(instances, "Host"));
        Assert.Equal(Expected("datastores", "Datastore"), Described(instances, "Datastore"));
        var clusterIds = _expected.GetProperty("clusters").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetString()!);
        Assert.Equal(
            _expected.GetProperty("hosts").EnumerateArray().Where(h => h.GetProperty("cluster").ValueKind == JsonValueKind.String)
                .Select(h => $"{clusterIds[h.GetProperty("cluster").GetString()!]} contains {h.GetProperty("id").GetString()}").Order(StringComparer.Ordinal),
            Relationships(inventory, "Monitoring.Virtualization.HostGroupContainsHost", "contains"));

        // Discover-VirtualMachines.ps1: every VM (all pages of the API), and the host that runs it.
        var vms = Assert.Single((await RunAsync("Discover-VirtualMachines.ps1", Discovery(_key))).GetProperty("discoveries").EnumerateArray());
        Assert.Equal(Expected("vms", "VirtualMachine"), Described(vms.GetProperty("instances").EnumerateArray().ToList(), "VirtualMachine"));
        Assert.Equal(
            _expected.GetProperty("vms").EnumerateArray().Where(v => v.GetProperty("hostId").ValueKind == JsonValueKind.String)
                .Select(v => $"{v.GetProperty("hostId").GetString()} runs {v.GetProperty("id").GetString()}").Order(StringComparer.Ordinal),
            Relationships(vms, "Monitoring.Virtualization.HostRunsVirtualMachine", "runs"));

        // Get-InventoryState.ps1, the data source of the reported-health monitors: one bag per object of each
        // collection, its Health the health the API gives that object.
        foreach (var collection in new[] { "hosts", "vms", "clusters", "datastores" })
        {
            var bags = await StateBagsAsync(collection);
            var api = await ListAsync(collection);
            Assert.Equal(
                api.Select(o => $"{o["id"]} {o["health"]}").Order(StringComparer.Ordinal),
                bags.Select(b => $"{b.GetProperty("Id").GetString()} {b.GetProperty("Health").GetString()}").Order(StringComparer.Ordinal));
        }

        // ... and of the PRO monitors: each host's CPU and memory use, the latest minute average the API holds (read
        // before and after the script: a new minute may land while it runs).
        var hostIds = PackScriptEstate.Ids(_expected.GetProperty("hosts"));
        var before = await Task.WhenAll(hostIds.Select(LatestUsageAsync));
        var hostBags = await StateBagsAsync("hosts");
        var after = await Task.WhenAll(hostIds.Select(LatestUsageAsync));
        for (var i = 0; i < hostIds.Count; i++)
        {
            var bag = Assert.Single(hostBags, b => b.GetProperty("Id").GetString() == hostIds[i]);
            foreach (var (metric, field) in new[] { ("cpu.usage", "CpuUsage"), ("memory.usage", "MemoryUsage") })
            {
                var value = bag.GetProperty(field).GetDouble();
                Assert.True(value == before[i][metric] || value == after[i][metric],
                    $"{hostIds[i]} {field} {value}: the API held {before[i][metric]} before the script and {after[i][metric]} after");
            }
        }
    }

    [Fact]
    public async Task DiscoverInventory_KeyRefusedByTheService_ReturnsNoDiscoveryDataAndLogsWhyWithoutTheKey()
    {
        const string Wrong = "not-a-key-0123456789";

        var result = await RunAsync("Discover-Inventory.ps1", Discovery(Wrong));

        // Nothing rather than an empty snapshot, which would remove everything discovered so far.
        Assert.Empty(result.GetProperty("discoveries").EnumerateArray());
        var logged = Assert.Single(result.GetProperty("events").EnumerateArray());
        Assert.Equal((3101, 1), (logged.GetProperty("id").GetInt32(), logged.GetProperty("level").GetInt32()));
        Assert.Contains("401", logged.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, logged.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestEngineReadiness_TheRunningService_IsReady()
    {
        var bag = Assert.Single((await RunAsync("Test-EngineReadiness.ps1", new Dictionary<string, object>
        {
            ["ApiUrl"] = _service.BaseUrl.ToString(), ["TimeoutSeconds"] = 30,
        })).GetProperty("bags").EnumerateArray());

        Assert.Equal("true", bag.GetProperty("Ready").GetString());
    }

    private async Task<List<JsonElement>> StateBagsAsync(string collection) =>
        [.. (await RunAsync("Get-InventoryState.ps1", new Dictionary<string, object>
        {
            ["ApiUrl"] = _service.BaseUrl.ToString(), ["ApiKey"] = _key, ["Collection"] = collection, ["TimeoutSeconds"] = 30,
        })).GetProperty("bags").EnumerateArray()];

    private async Task<JsonElement> RunAsync(string script, Dictionary<string, object> parameters)
    {
        var result = await PackScript.RunAsync(script, parameters);
        if (script != "Test-EngineReadiness.ps1" && parameters.GetValueOrDefault("ApiKey") as string == _key)
        {
            // A run with the right key logs nothing at warning or error level.
            Assert.All(result.GetProperty("events").EnumerateArray(), e => Assert.True(e.GetProperty("level").GetInt32() == 0, e.ToString()));
        }

        return result;
    }

    private Dictionary<string, object> Discovery(string key) => new()
    {
        ["SourceId"] = "{discovery}", ["ManagedEntityId"] = "{engine}", ["ComputerName"] = "watcher01",
        ["ApiUrl"] = _service.BaseUrl.ToString(), ["ApiKey"] = key, ["TimeoutSeconds"] = 60,
    };

    private Task<List<JsonNode>> ListAsync(string collection) => _estate.ListAsync(collection);

    private Task<Dictionary<string, double>> LatestUsageAsync(string hostId) => _estate.LatestUsageAsync(hostId);

    private List<string> Expected(string collection, string kind) =>
        [.. _expected.GetProperty(collection).EnumerateArray()
            .Select(o => $"{kind} {o.GetProperty("id").GetString()} {o.GetProperty("name").GetString()}").Order(StringComparer.Ordinal)];

    /// <summary>"Host vc1/host-21 DC0_C0_H0": the instances of one class by key and display name, sorted.</summary>
    private static List<string> Described(List<JsonElement> instances, string kind) =>
        [.. instances.Where(i => i.GetProperty("class").GetString() == "Monitoring.Virtualization." + kind)
            .Select(i => Describe(i) + " " + i.GetProperty("properties").GetProperty("System!System.Entity/DisplayName").GetString())
            .Select(s => kind == "Target" ? s[..s.LastIndexOf(' ')] : s)
            .Order(StringComparer.Ordinal)];

    private static List<string> Relationships(JsonElement discovery, string type, string verb) =>
        [.. discovery.GetProperty("relationships").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == type)
            .Select(r => $"{Key(r.GetProperty("source"))} {verb} {Key(r.GetProperty("target"))}")
            .Order(StringComparer.Ordinal)];

    /// <summary>"Host vc1/host-21": the class's last name part and its key (Id, or Name for a target).</summary>
    private static string Describe(JsonElement instance)
    {
        var cls = instance.GetProperty("class").GetString()!;
        return $"{cls[(cls.LastIndexOf('.') + 1)..]} {Key(instance)}";
    }

    private static string Key(JsonElement instance)
    {
        var cls = instance.GetProperty("class").GetString()!;
        var properties = instance.GetProperty("properties");
        return (properties.TryGetProperty(cls + "/Id", out var id) ? id.GetString() : properties.GetProperty(cls + "/Name").GetString())!;
    }
}
