using System.Net;
using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.ManagementPack;

/// <summary>The management pack's scripts, taken from the built pack, run under PowerShell 7 with the MOM.ScriptAPI
/// stand-in against an HTTP endpoint serving the API's JSON shapes; they return the instances and states it holds.</summary>
public sealed class PackScriptTests : IAsyncLifetime
{
    private FakeEngineApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeEngineApi.StartAsync(
        new Dictionary<string, object>
        {
            ["hosts"] = FakeEngineApi.Json("""
                [ { "id": "vc01/host-11", "target": "vc01", "name": "esx11.example.net", "cluster": "Prod", "hypervisor": "esx",
                    "health": "healthy", "cpuCount": 32, "memoryBytes": 137438953472, "os": "VMware ESXi 6.7.0", "cpuUsage": 0.93, "memoryUsage": 0.41 },
                  { "id": "hv02/HV02", "target": "hv02", "name": "HV02", "cluster": null, "hypervisor": "hyperv",
                    "health": "critical", "cpuCount": 16, "memoryBytes": 68719476736 } ]
                """),
            ["clusters"] = FakeEngineApi.Json("""[ { "id": "vc01/domain-c7", "target": "vc01", "name": "Prod", "health": "warning", "hostCount": 1 } ]"""),
            ["datastores"] = FakeEngineApi.Json("""[ { "id": "vc01/datastore-3", "target": "vc01", "name": "ds-gold", "health": "healthy", "capacityBytes": 1099511627776 } ]"""),
            ["vms"] = FakeEngineApi.Json("""
                [ { "id": "vc01/vm-21", "target": "vc01", "name": "web-01", "host": "esx11.example.net", "hostId": "vc01/host-11",
                    "powerState": "poweredOn", "health": "healthy", "cpuCount": 2, "memoryBytes": 4294967296 },
                  { "id": "hv02/4A1C", "target": "hv02", "name": "sql-01", "host": null, "hostId": null,
                    "powerState": "poweredOff", "health": "unknown", "cpuCount": 4, "memoryBytes": 8589934592 } ]
                """),
        },
        FakeEngineApi.Json("""
            { "items": [
                { "id": 41, "name": "VirtTargetUnreachable", "severity": "Critical", "priority": "High", "state": "open", "resolutionState": 0,
                  "object": "target:hv02", "repeatCount": 0, "raisedAt": "2026-11-25T10:00:00Z", "description": "hv02 has not answered since 09:58" },
                { "id": 40, "name": "VirtHostCpuPressure", "severity": "Warning", "priority": "High", "state": "closed", "resolutionState": 255,
                  "object": "vc01/host-11", "repeatCount": 0, "raisedAt": "2026-11-25T09:00:00Z" } ],
              "bookmark": "b-42" }
            """));

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task DiscoverInventory_ReturnsTheTargetsClustersHostsAndDatastoresTheApiHolds()
    {
        var result = await PackScript.RunAsync("Discover-Inventory.ps1", Discovery());

        var discovery = Assert.Single(result.GetProperty("discoveries").EnumerateArray());
        var instances = discovery.GetProperty("instances").EnumerateArray().ToList();
        Assert.Equal(
            ["Target vc01", "Target hv02", "HostGroup vc01/domain-c7", "Host vc01/host-11", "Host hv02/HV02", "Datastore vc01/datastore-3"],
            instances.Select(Describe));
        var esx = instances.Single(i => Describe(i) == "Host vc01/host-11").GetProperty("properties");
        Assert.Equal("watcher01", esx.GetProperty("Windows!Microsoft.Windows.Computer/PrincipalName").GetString());
        Assert.Equal("vc01", esx.GetProperty("Monitoring.Virtualization.Target/Name").GetString());
        Assert.Equal(("esx11.example.net", "esx", 32), (
            esx.GetProperty("Monitoring.Virtualization.Host/Name").GetString(),
            esx.GetProperty("Monitoring.Virtualization.Host/Hypervisor").GetString(),
            esx.GetProperty("Monitoring.Virtualization.Host/CpuCount").GetInt32()));
        var membership = Assert.Single(discovery.GetProperty("relationships").EnumerateArray());
        Assert.Equal("Monitoring.Virtualization.HostGroupContainsHost", membership.GetProperty("type").GetString());
        Assert.Equal(("HostGroup vc01/domain-c7", "Host vc01/host-11"), (Describe(membership.GetProperty("source")), Describe(membership.GetProperty("target"))));
        Assert.Contains("GET /api/v1/hosts", _api.Requests);
        Assert.Contains("GET /api/v1/clusters", _api.Requests);
        Assert.Contains("GET /api/v1/datastores", _api.Requests);
    }

    [Fact]
    public async Task DiscoverVirtualMachines_ReturnsEachVmAndTheHostThatRunsIt()
    {
        var result = await PackScript.RunAsync("Discover-VirtualMachines.ps1", Discovery());

        var discovery = Assert.Single(result.GetProperty("discoveries").EnumerateArray());
        Assert.Equal(["VirtualMachine vc01/vm-21", "VirtualMachine hv02/4A1C"], discovery.GetProperty("instances").EnumerateArray().Select(Describe));
        var runs = Assert.Single(discovery.GetProperty("relationships").EnumerateArray());
        Assert.Equal(("Monitoring.Virtualization.HostRunsVirtualMachine", "Host vc01/host-11", "VirtualMachine vc01/vm-21"),
            (runs.GetProperty("type").GetString(), Describe(runs.GetProperty("source")), Describe(runs.GetProperty("target"))));
    }

    [Fact]
    public async Task DiscoverInventory_KeyRefused_ReturnsNoDiscoveryDataAndLogsWhy()
    {
        var parameters = Discovery();
        parameters["ApiKey"] = "wrong";

        var result = await PackScript.RunAsync("Discover-Inventory.ps1", parameters);

        // Nothing rather than an empty snapshot, which would remove everything discovered so far.
        Assert.Empty(result.GetProperty("discoveries").EnumerateArray());
        var logged = Assert.Single(result.GetProperty("events").EnumerateArray());
        Assert.Equal((3101, 1), (logged.GetProperty("id").GetInt32(), logged.GetProperty("level").GetInt32()));
        Assert.Contains("401", logged.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", logged.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetInventoryState_Hosts_OneBagPerHostWithHealthAndUsage()
    {
        var result = await PackScript.RunAsync("Get-InventoryState.ps1", new Dictionary<string, object>
        {
            ["ApiUrl"] = _api.Url.ToString(), ["ApiKey"] = FakeEngineApi.ApiKey, ["Collection"] = "hosts", ["TimeoutSeconds"] = 30,
        });

        var bags = result.GetProperty("bags").EnumerateArray().ToList();
        Assert.Equal(2, bags.Count);
        Assert.Equal(("vc01/host-11", "healthy", 0.93, 0.41), (bags[0].GetProperty("Id").GetString(), bags[0].GetProperty("Health").GetString(),
            bags[0].GetProperty("CpuUsage").GetDouble(), bags[0].GetProperty("MemoryUsage").GetDouble()));
        Assert.Equal(("hv02/HV02", "critical"), (bags[1].GetProperty("Id").GetString(), bags[1].GetProperty("Health").GetString()));
        Assert.False(bags[1].TryGetProperty("CpuUsage", out _));
    }

    [Fact]
    public async Task ReadAlertFeed_ReturnsTheOpenAlertsThenAcknowledgesTheBookmark()
    {
        var result = await PackScript.RunAsync("Read-AlertFeed.ps1", new Dictionary<string, object>
        {
            ["ApiUrl"] = _api.Url.ToString(), ["ApiKey"] = FakeEngineApi.ApiKey, ["Connector"] = "scom-watcher01", ["MaxItems"] = 50, ["TimeoutSeconds"] = 30,
        });

        var bag = Assert.Single(result.GetProperty("bags").EnumerateArray());
        Assert.Equal(("41", "VirtTargetUnreachable", "Critical", "target:hv02"), (bag.GetProperty("AlertId").GetString(), bag.GetProperty("Name").GetString(),
            bag.GetProperty("Severity").GetString(), bag.GetProperty("Object").GetString()));
        Assert.Contains("GET /api/v1/alert-feed?connector=scom-watcher01&max=50", _api.Requests);
        var ack = JsonDocument.Parse(Assert.Single(_api.Acknowledgements)).RootElement;
        Assert.Equal(("scom-watcher01", "b-42"), (ack.GetProperty("connector").GetString(), ack.GetProperty("bookmark").GetString()));
    }

    [Fact]
    public async Task TestEngineReadiness_ReadyThenNot_ReportsBoth()
    {
        var parameters = new Dictionary<string, object> { ["ApiUrl"] = _api.Url.ToString(), ["TimeoutSeconds"] = 30 };

        var ready = Assert.Single((await PackScript.RunAsync("Test-EngineReadiness.ps1", parameters)).GetProperty("bags").EnumerateArray());
        _api.Readiness = HttpStatusCode.ServiceUnavailable;
        var notReady = Assert.Single((await PackScript.RunAsync("Test-EngineReadiness.ps1", parameters)).GetProperty("bags").EnumerateArray());

        Assert.Equal("true", ready.GetProperty("Ready").GetString());
        Assert.Equal("false", notReady.GetProperty("Ready").GetString());
        Assert.Contains("503", notReady.GetProperty("Detail").GetString(), StringComparison.Ordinal);
    }

    private Dictionary<string, object> Discovery() => new()
    {
        ["SourceId"] = "{discovery}", ["ManagedEntityId"] = "{engine}", ["ComputerName"] = "watcher01",
        ["ApiUrl"] = _api.Url.ToString(), ["ApiKey"] = FakeEngineApi.ApiKey, ["TimeoutSeconds"] = 30,
    };

    /// <summary>"Host vc01/host-11": the class's last name part and its key (Id, or Name for a target).</summary>
    private static string Describe(JsonElement instance)
    {
        var cls = instance.GetProperty("class").GetString()!;
        var shortName = cls[(cls.LastIndexOf('.') + 1)..];
        var properties = instance.GetProperty("properties");
        var key = properties.TryGetProperty(cls + "/Id", out var id) ? id.GetString() : properties.GetProperty(cls + "/Name").GetString();
        return $"{shortName} {key}";
    }
}
