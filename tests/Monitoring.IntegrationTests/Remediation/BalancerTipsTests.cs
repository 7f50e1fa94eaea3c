using System.Net;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Remediation;

/// <summary>The balancer in <c>run</c> against the real simulator: a cluster whose VMs were all relocated onto one host
/// (by pyvmomi) gets migration tips from the first passes; <c>tips --json</c> and <c>GET /api/v1/tips</c> show the same
/// tips in the contract's shape; a reader cannot implement; a dismiss from the command line is what the API then shows.</summary>
public sealed class BalancerTipsTests
{
    private const string Target = "vc1";

    private readonly ITestOutputHelper _output;

    public BalancerTipsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_ClusterPiledOntoOneHost_MigrationTipsRaised_CliAndApiAgree_DismissFromCliSeenByApi()
    {
        using var workspace = new Workspace();
        await using var simulator = await Simulator.StartAsync(["-dc", "1", "-cluster", "1", "-host", "3", "-vm", "4", "-ds", "1"]);
        for (var i = 0; i < 4; i++)
        {
            await PyVmomi.ActAsync(simulator, "relocate", $"DC0_C0_RP0_VM{i}", "DC0_C0_H0");
        }

        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 30 },
                Balancer = new { FirstPassWithinSeconds = 20, IntervalSeconds = 60, MigrationThreshold = 5 },
                Targets = new[] { Workspace.Target(Target, simulator) },
            },
        });
        var operatorKey = await workspace.CreateApiKeyAsync("tips-operator", "operator");
        var readerKey = await workspace.CreateApiKeyAsync("tips-reader", "reader");
        var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Add("X-Api-Key", operatorKey);
        try
        {
            JsonArray tips = [];
            await WaitForAsync("a migration tip in GET /api/v1/tips", TimeSpan.FromSeconds(150), service, async () =>
            {
                tips = (await GetJsonAsync(service, "/api/v1/tips?status=Active"))["items"]!.AsArray();
                return tips.Count > 0;
            });
            Assert.Contains("balancer: pass done", service.Stderr, StringComparison.Ordinal);
            var tip = tips[0]!;
            var action = tip["action"]!;
            Assert.Equal("migrate", action["kind"]!.GetValue<string>());
            Assert.StartsWith($"{Target}/vm-", action["vm"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(action["vm"]!.GetValue<string>(), tip["target"]!.GetValue<string>());
            Assert.NotEqual(action["from"]!.GetValue<string>(), action["to"]!.GetValue<string>());
            Assert.False(tip["automatic"]!.GetValue<bool>());
            Assert.Contains("DC0_C0_H0", tip["summary"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.InRange(tip["priority"]!.GetValue<int>(), 1, 5);
            Assert.StartsWith($"{Target}/", tip["hostGroup"]!.GetValue<string>(), StringComparison.Ordinal);

            // The command line reads the same rows, in the same shape.
            var listed = await Cli.RunAsync(workspace.Directory, "tips", "--json", "--status", "Active", "--config", workspace.ConfigPath);
            Assert.True(listed.ExitCode == 0, listed.ToString());
            var fromCli = JsonNode.Parse(listed.Stdout)!.AsArray();
            var fromApi = (await GetJsonAsync(service, "/api/v1/tips?status=Active"))["items"]!.AsArray();
            Assert.Equal(Ids(fromApi), Ids(fromCli));
            // Names too: the command line reads them from the stored inventory, the service from its health model.
            Assert.NotEmpty(fromApi[0]!["names"]!.AsObject());
            foreach (var field in new[] { "id", "status", "automatic", "target", "action", "summary", "raisedAt", "names" })
            {
                Assert.True(JsonNode.DeepEquals(fromApi[0]![field], fromCli.Single(t => t!["id"]!.GetValue<string>() == fromApi[0]!["id"]!.GetValue<string>())![field]), field);
            }

            // The plan without acting is there too.
            var whatIf = await GetJsonAsync(service, "/api/v1/tips/whatif");
            var cluster = Assert.Single(whatIf["clusters"]!.AsArray())!;
            Assert.True(cluster["imbalanceBefore"]!.GetValue<double>() > cluster["imbalanceAfter"]!.GetValue<double>());

            // Acting needs the operator role.
            var id = tip["id"]!.GetValue<string>();
            using (var reader = new HttpRequestMessage(HttpMethod.Post, new Uri(url, $"/api/v1/tips/{id}/implement")))
            {
                reader.Headers.Add("X-Api-Key", readerKey);
                using var client = new HttpClient();
                using var refused = await client.SendAsync(reader);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            // Dismissed from the command line while the service runs: the API sees it, with who did it, and a second
            // dismiss is refused there (409).
            var dismissed = await Cli.RunAsync(workspace.Directory, "tips", "dismiss", id, "--config", workspace.ConfigPath);
            Assert.True(dismissed.ExitCode == 0, dismissed.ToString());
            var read = await GetJsonAsync(service, $"/api/v1/tips/{id}");
            Assert.Equal("Dismissed", read["status"]!.GetValue<string>());
            var last = read["history"]!.AsArray()[^1]!;
            Assert.Equal(("Dismissed", true), (last["status"]!.GetValue<string>(), last["by"]!.GetValue<string>().StartsWith("cli:", StringComparison.Ordinal)));
            using var again = await service.Http.PostAsync(new Uri(url, $"/api/v1/tips/{id}/dismiss"), null);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            using var unknown = await service.Http.PostAsync(new Uri(url, "/api/v1/tips/no-such-tip/implement"), null);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
        }
        finally
        {
            _output.WriteLine(service.Stderr);
            await service.DisposeAsync();
        }
    }

    private static List<string> Ids(JsonArray tips) => [.. tips.Select(t => t!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

    private static async Task<JsonNode> GetJsonAsync(ServiceProcess service, string path) =>
        JsonNode.Parse(await service.GetAsync(path)) ?? throw new InvalidOperationException($"{path}: empty body");

    private static Task WaitForAsync(string what, TimeSpan within, ServiceProcess service, Func<Task<bool>> condition) =>
        service.WaitUntilAsync(what, within, condition);
}
