using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Health;

/// <summary>A host group's configured rollup rule, through <c>monitoring run</c> and the API: two groups of two
/// standalone simulator hosts, one host in each made critical by a per-object threshold override it cannot stay under;
/// the BestOf group stays healthy, the default (WorstOf) group turns critical.</summary>
public sealed class HostGroupRollupTests
{
    private const string Target = "vc1";

    private readonly ITestOutputHelper _output;

    public HostGroupRollupTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_GroupsWithBestOfAndDefaultRules_EachGroupsHealthFollowsItsRule()
    {
        await using var simulator = await Simulator.StartAsync("-dc", "1", "-cluster", "0", "-standalone-host", "4", "-vm", "0", "-ds", "1");
        var hosts = (await PyVmomi.InventoryAsync(simulator, Target)).GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, hosts.Count);
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");

        // Critical at 1 % CPU after one sample: a simulated host never stays under that.
        object Hot(string host) => new { Monitor = "host.cpu", Object = host, WarningPercent = 0, CriticalPercent = 1, ConsecutiveSamples = 1 };
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 60 },
                Targets = new[] { Workspace.Target(Target, simulator) },
                Health = new
                {
                    HostGroups = new object[]
                    {
                        new { Name = "best", Members = new[] { hosts[0], hosts[1] }, Rollup = "BestOf" },
                        new { Name = "worst", Members = new[] { hosts[2], hosts[3] } },
                    },
                    Overrides = new[] { Hot(hosts[0]), Hot(hosts[2]) },
                },
            },
        });
        var key = await workspace.CreateApiKeyAsync("rollup", "reader");
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Add("X-Api-Key", key);

        async Task<string> StateAsync(string id) => (await GetAsync(service, $"/api/v1/health/{id}"))["state"]!.GetValue<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        string[] states = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                states = await Task.WhenAll(hosts.Select(StateAsync));
                if (states is ["critical", "healthy", "critical", "healthy"])
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // 503 while the engine starts
            }

            await Task.Delay(1000);
        }

        _output.WriteLine(service.Stderr);
        Assert.Equal(["critical", "healthy", "critical", "healthy"], states);

        var best = await GetAsync(service, "/api/v1/health/group:best");
        var worst = await GetAsync(service, "/api/v1/health/group:worst");
        Assert.Equal(("healthy", $"best of 2 hosts ({hosts[1]} is healthy)"), (best["state"]!.GetValue<string>(), best["cause"]!.GetValue<string>()));
        Assert.Equal(("critical", $"worst of 2 hosts ({hosts[2]} is critical)"), (worst["state"]!.GetValue<string>(), worst["cause"]!.GetValue<string>()));
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
    }

    private static async Task<JsonNode> GetAsync(ServiceProcess service, string path) =>
        JsonNode.Parse(await service.GetAsync(path)) ?? throw new InvalidOperationException($"{path}: empty body");
}
