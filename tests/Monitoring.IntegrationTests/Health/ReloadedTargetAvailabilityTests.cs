using System.Diagnostics;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Health;

/// <summary>A target added to the configuration file while the service runs, and never reachable, raises
/// <c>VirtTargetUnreachable</c> within the contract's 2 minutes, as a target configured from the start does; it does not
/// wait for a first success or a restart.</summary>
public sealed class ReloadedTargetAvailabilityTests
{
    private readonly ITestOutputHelper _output;

    public ReloadedTargetAvailabilityTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_ReloadAddsAnUnreachableTarget_VirtTargetUnreachableWithinTwoMinutes()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "0", "-standalone-host", "1", "-vm", "0", "-ds", "1");
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        object Config(params object[] targets) => new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 20, InventoryIntervalSeconds = 60 },
                Targets = targets,
            },
        };
        workspace.WriteConfigDocument(Config(Workspace.Target("vc1", simulator)));
        var key = await workspace.CreateApiKeyAsync("reload", "reader");
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        await WaitForAsync(service, "vc1 healthy", TimeSpan.FromSeconds(90), async () => await StateAsync(service, "target:vc1") == "healthy");

        // Nothing listens on this port: every poll of "dead" is refused.
        var dead = Workspace.Target("dead", simulator);
        dead["Address"] = $"https://127.0.0.1:{ServiceProcess.FreePort()}/sdk";
        var clock = Stopwatch.StartNew();
        workspace.WriteConfigDocument(Config(Workspace.Target("vc1", simulator), dead));

        await WaitForAsync(service, "VirtTargetUnreachable for target:dead", TimeSpan.FromSeconds(150), async () =>
            JsonNode.Parse(await service.GetAsync("/api/v1/alerts?object=target:dead"))!["items"]!.AsArray()
                .Any(a => a!["name"]!.GetValue<string>() == "VirtTargetUnreachable"));
        _output.WriteLine($"VirtTargetUnreachable {clock.Elapsed.TotalSeconds:0.0} s after the reload was written");
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 120);
        Assert.Equal("critical", await StateAsync(service, "target:dead"));
        Assert.Equal("healthy", await StateAsync(service, "target:vc1"));
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
    }

    private static async Task<string> StateAsync(ServiceProcess service, string id) =>
        JsonNode.Parse(await service.GetAsync($"/api/v1/health/{id}"))!["state"]!.GetValue<string>();

    private static Task WaitForAsync(ServiceProcess service, string what, TimeSpan within, Func<Task<bool>> condition) =>
        service.WaitUntilAsync(what, within, condition);
}
