using System.Text.Json;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>Paging: the simulator never sends a continuation token, so a <see cref="FaultProxy"/> cuts its
/// real <c>RetrievePropertiesEx</c> replies into pages of 3 objects behind tokens and answers the
/// <c>ContinueRetrievePropertiesEx</c> calls that must follow. What the service stores must be exactly
/// what pyvmomi reads from the simulator.</summary>
public sealed class PagingProxyTests
{
    private const string Paged = "paged";

    // 2 datacenters x (2 clusters x 2 hosts + 1 standalone host); VMs: 2 per cluster and per standalone host.
    private static readonly string[] s_model = ["-dc", "2", "-cluster", "2", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1", "-tls=false"];

    private readonly ITestOutputHelper _output;

    public PagingProxyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_RepliesSplitIntoTokenPages_StoresExactlyWhatTheSimulatorHolds()
    {
        await using var simulator = await Simulator.StartAsync(s_model);
        await using var proxy = await FaultProxy.StartAsync(simulator.Endpoint.Url);

        // Expected values first, through the proxy passing everything through: pyvmomi needs https, and
        // reads the simulator itself, unpaged.
        var expected = await PyVmomi.InventoryAsync(proxy.Url, proxy.Thumbprint, Paged);
        proxy.PageSize = 3;
        proxy.Set(FaultProxy.RetrievePropertiesEx, FaultProxyMode.Paging);

        await using var run = await FaultRun.StartAsync(
            new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 60 },
            FaultRun.Target(Paged, proxy.Url, proxy.Thumbprint, 10));
        var collected = await run.WaitForAsync("the paged target's inventory and realtime passes", TimeSpan.FromSeconds(60), m =>
            m.Pass(ServiceMetrics.Success, HealthyTarget.Name, "realtime") == 1 &&
            m.Pass(ServiceMetrics.Success, Paged, "inventory") == 1 &&
            m.Pass(ServiceMetrics.Success, Paged, "realtime") == 1);
        run.Healthy.Begin(collected);

        var stored = await ReadInventoryAsync(run);
        var hosts = expected.GetProperty("hosts").GetArrayLength();
        var vms = expected.GetProperty("vms").GetArrayLength();
        Assert.Equal(2 * ((2 * 2) + 1), hosts);
        Assert.Equal(2 * ((2 * 2) + 2), vms);
        Assert.Equal(hosts, Of(stored, "hosts", Paged).Count);
        Assert.Equal(vms, Of(stored, "vms", Paged).Count);
        Assert.Equal(InventoryAssert.Rows(expected.GetProperty("hosts"), "id", "name", "cluster", "cpuCount", "memoryBytes"), Rows(stored, "hosts", Paged, "id", "name", "cluster", "cpuCount", "memoryBytes"));
        Assert.Equal(InventoryAssert.Rows(expected.GetProperty("vms"), "id", "name", "hostId", "host", "powerState", "cpuCount", "memoryBytes"), Rows(stored, "vms", Paged, "id", "name", "hostId", "host", "powerState", "cpuCount", "memoryBytes"));
        Assert.Equal(InventoryAssert.Rows(expected.GetProperty("clusters"), "id", "name"), Rows(stored, "clusters", Paged, "id", "name"));

        _output.WriteLine($"{proxy.Requests(FaultProxy.RetrievePropertiesEx)} RetrievePropertiesEx, {proxy.Requests(FaultProxy.ContinueRetrievePropertiesEx)} ContinueRetrievePropertiesEx, {proxy.PagesServed} pages served, {proxy.PagesPending} pending");

        // The paging really happened, every token was known, and the service counted the calls itself.
        Assert.True(proxy.Requests(FaultProxy.ContinueRetrievePropertiesEx) >= (vms + hosts) / proxy.PageSize, $"{proxy.Requests(FaultProxy.ContinueRetrievePropertiesEx)} continuation calls");
        Assert.True(proxy.PagesServed > 0);
        Assert.Equal(0, proxy.UnknownTokens);
        Assert.True(collected.RequestsOf(Paged, FaultProxy.ContinueRetrievePropertiesEx) > 0, collected.Text);
        Assert.DoesNotContain(collected.Matching(ServiceMetrics.Errors, ("target", Paged)), l => Exposition.Label(l, "kind") == "protocol");
        await run.AssertHealthyAsync();
        Assert.Equal(0, await run.StopAsync());
    }

    private static async Task<JsonElement> ReadInventoryAsync(FaultRun run)
    {
        var result = await Cli.RunAsync(run.Workspace.Directory, "inventory", "--json", "--config", run.Workspace.ConfigPath);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static List<JsonElement> Of(JsonElement inventory, string kind, string target) =>
        [.. inventory.GetProperty(kind).EnumerateArray().Where(o => o.GetProperty("target").GetString() == target)];

    private static List<string> Rows(JsonElement inventory, string kind, string target, params string[] fields)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(Of(inventory, kind, target)));
        return InventoryAssert.Rows(document.RootElement, fields);
    }
}
