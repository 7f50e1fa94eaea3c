using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Alerting;

/// <summary>Ticket 7's export proofs through the real <c>monitoring run</c>, the real simulator and the real
/// Alertmanager: the simulator killed, <c>VirtTargetUnreachable</c> reaches Alertmanager with the contract's labels;
/// the connector feed is read, partly acknowledged, the service stopped by its PID, the alert acknowledged from the
/// command line while it is down, the service started again on the same database; the feed then delivers the
/// unacknowledged changes again, nothing acknowledged, and the change made while it was down; the simulator back, the
/// alert resolves in Alertmanager. Alertmanager is watched throughout: never more than one such alert. The management
/// pack's feed script (Read-AlertFeed.ps1, PowerShell 7) reads and acknowledges the real feed of this service. Last, a
/// maintenance window on the target shows in <c>virt_object_in_maintenance</c> and in the feed's <c>inMaintenance</c>.</summary>
/// <remarks>One test rather than two: the feed's restart happens while the Alertmanager alert stands, which also shows
/// that the restarted service's re-sends do not duplicate it, and the suite pays for one simulator outage, not two.</remarks>
public sealed class AlertExportsThroughServiceTests
{
    private const string Target = "vc1";
    private const string TargetNode = "target:" + Target;
    private const string Connector = "opsmgr";
    private static readonly string[] s_model = ["-dc", "1", "-cluster", "1", "-host", "1", "-vm", "1", "-ds", "1"];

    private readonly ITestOutputHelper _output;

    public AlertExportsThroughServiceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_TargetKilledFeedAckedRestartedAndBack_AlertmanagerHoldsOneAlertUntilResolvedAndFeedLosesNothing()
    {
        using var workspace = new Workspace();
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        var simulator = await Simulator.StartAsync(s_model);
        SimulatorProcess? restarted = null;
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        void WriteConfig(SimulatorProcess sim) => workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Schedule = new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 30 },
                Thresholds = new { CollectorFailingMinutes = 0 },
                Alerting = new { Alertmanager = new { Url = alertmanager.Url.ToString(), ResendIntervalSeconds = 5 } },
                Targets = new[] { Workspace.Target(Target, sim) },
            },
        });
        WriteConfig(simulator);
        var key = await workspace.CreateApiKeyAsync("export-test", "operator");
        var service = await StartServiceAsync(workspace, url, key);
        using var watching = new CancellationTokenSource();
        var watcher = WatchAsync(alertmanager, watching.Token);
        var most = 0;
        try
        {
            await WaitForAsync("the target healthy", TimeSpan.FromSeconds(90), service, async () =>
                (await GetJsonAsync(service, $"/api/v1/health/{TargetNode}"))["state"]!.GetValue<string>() == "healthy");
            Assert.Empty(await alertmanager.AlertsAsync());

            var port = simulator.Endpoint.Url.Port;
            var clock = Stopwatch.StartNew();
            using (var process = Process.GetProcessById(simulator.Pid))
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            var firing = Unreachable(await alertmanager.WaitForAsync(a => Unreachable(a).Count > 0, TimeSpan.FromSeconds(120), "VirtTargetUnreachable arriving"));
            _output.WriteLine($"in Alertmanager {clock.Elapsed.TotalSeconds:0.0} s after the kill");
            Assert.InRange(clock.Elapsed.TotalSeconds, 0, 120);
            Assert.Equal(
                new Dictionary<string, string>
                {
                    ["alertname"] = "VirtTargetUnreachable",
                    ["severity"] = "critical",
                    ["source"] = "monitoring",
                    ["target"] = Target,
                    ["object"] = TargetNode,
                },
                Assert.Single(firing));

            var alert = (await GetJsonAsync(service, "/api/v1/alerts"))["items"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "VirtTargetUnreachable")!;
            var id = alert["id"]!.GetValue<long>();

            // A second change to the alert (a comment), so that the feed has one change to acknowledge and one to leave.
            using (var comment = await service.Http.PostAsJsonAsync(new Uri(service.BaseUrl, $"/api/v1/alerts/{id}/comments"), new { text = "seen by the feed test" }))
            {
                Assert.True(comment.IsSuccessStatusCode, await comment.Content.ReadAsStringAsync());
            }

            var before = await ReadFeedAsync(service, null);
            var ours = before.Items.Where(i => i["id"]!.GetValue<long>() == id).ToList();
            Assert.Equal(["raised", "updated"], ours.Select(i => i["change"]!.GetValue<string>()));
            var raised = ours[0];
            var firstPage = await ReadFeedAsync(service, 1 + before.Items.IndexOf(raised));
            await AcknowledgeAsync(service, firstPage.Bookmark);
            var acknowledged = Sequence(raised);
            var unacknowledged = before.Items.Where(i => Sequence(i) > acknowledged).Select(Sequence).ToList();

            // The management pack's feed rule script, run by PowerShell 7 against this service: bags for the open alert,
            // then the batch acknowledged for its connector.
            var pack = await PackScript.RunAsync("Read-AlertFeed.ps1", new Dictionary<string, object>
            {
                ["ApiUrl"] = service.BaseUrl.ToString(), ["ApiKey"] = key, ["Connector"] = "scom-e2e", ["MaxItems"] = 1000, ["TimeoutSeconds"] = 30,
            });
            var bags = pack.GetProperty("bags").EnumerateArray().ToList();
            var ourBags = bags.Where(b => b.GetProperty("AlertId").GetString() == id.ToString(CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(ourBags);
            Assert.All(ourBags, b => Assert.Equal(
                ("VirtTargetUnreachable", "Critical", TargetNode),
                (b.GetProperty("Name").GetString(), b.GetProperty("Severity").GetString(), b.GetProperty("Object").GetString())));
            Assert.DoesNotContain((await GetJsonAsync(service, "/api/v1/alert-feed?connector=scom-e2e&max=1000"))["items"]!.AsArray(), i => Sequence(i!) <= Sequence(before.Items[^1]));

            // Re-sent every 5 s: Alertmanager still holds the one alert (the watcher checks every poll).
            var pushes = await SuccessfulPushesAsync(service);
            await WaitForAsync("two more pushes", TimeSpan.FromSeconds(30), service, async () => await SuccessfulPushesAsync(service) >= pushes + 2);
            Assert.Single(Unreachable(await alertmanager.AlertsAsync()));

            // Stopped by its PID; acknowledged from the command line while it is down; started on the same database.
            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
            await service.DisposeAsync();
            var ack = await Cli.RunAsync(workspace.Directory, "alerts", "ack", id.ToString(CultureInfo.InvariantCulture), "--config", workspace.ConfigPath);
            Assert.True(ack.ExitCode == 0, ack.ToString());
            service = await StartServiceAsync(workspace, url, key);

            var after = await ReadFeedAsync(service, null);
            var sequences = after.Items.Select(Sequence).ToList();
            Assert.All(sequences, s => Assert.True(s > acknowledged, $"change {s} was acknowledged and came again"));
            Assert.Equal(unacknowledged, sequences.Take(unacknowledged.Count));
            Assert.Equal(sequences.Distinct(), sequences);
            var whileDown = Assert.Single(after.Items, i => Sequence(i) > unacknowledged[^1] && i["id"]!.GetValue<long>() == id && i["resolutionState"]!.GetValue<int>() == 249);
            Assert.Equal("updated", whileDown["change"]!.GetValue<string>());
            Assert.Equal("open", whileDown["state"]!.GetValue<string>());

            // A feed item is the alert document of GET /api/v1/alerts/{id} plus its place in the change log.
            var document = (await GetJsonAsync(service, $"/api/v1/alerts/{id}")).AsObject();
            Assert.Equal(
                document.Select(p => p.Key).Concat(["sequence", "change", "changedAt"]).Order(StringComparer.Ordinal),
                whileDown.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.False(whileDown["inMaintenance"]!.GetValue<bool>());

            // The restarted service re-sends the standing alert: still one in Alertmanager.
            pushes = await SuccessfulPushesAsync(service);
            await WaitForAsync("a push after the restart", TimeSpan.FromSeconds(30), service, async () => await SuccessfulPushesAsync(service) >= pushes + 1);
            Assert.Single(Unreachable(await alertmanager.AlertsAsync()));

            // Back on the same address (a new certificate: pinned again; the service rereads its configuration).
            restarted = await Simulator.StartAsync([.. s_model, "-listen", $"127.0.0.1:{port}"]);
            WriteConfig(restarted);
            await alertmanager.WaitForAsync(a => Unreachable(a).Count == 0, TimeSpan.FromSeconds(120), "the alert resolving");
            var closed = await GetJsonAsync(service, $"/api/v1/alerts/{id}");
            Assert.Equal("closed", closed["state"]!.GetValue<string>());

            // The closure is on the feed after everything read so far; acknowledged, nothing is left.
            var closing = await ReadFeedAsync(service, null);
            Assert.Contains(closing.Items, i => i["id"]!.GetValue<long>() == id && i["state"]!.GetValue<string>() == "closed" && Sequence(i) > sequences[^1]);
            await AcknowledgeAsync(service, closing.Bookmark);
            Assert.DoesNotContain((await ReadFeedAsync(service, null)).Items, i => Sequence(i) <= Sequence(closing.Items[^1]));

            // A maintenance window on the target: every object below it shows on /metrics, and the feed and the alert
            // document both say inMaintenance; the window ended, the series go.
            string window;
            using (var created = await service.Http.PostAsJsonAsync(new Uri(service.BaseUrl, "/api/v1/maintenance"), new { @object = TargetNode, durationMinutes = 30, reason = "export test" }))
            {
                Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
                window = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.ToString();
            }

            List<string> inMaintenance = [];
            await WaitForAsync("virt_object_in_maintenance for the target's objects", TimeSpan.FromSeconds(30), service, async () =>
            {
                inMaintenance = MaintenanceSeries(await service.GetAsync("/metrics"));
                return inMaintenance.Any(l => l.Contains("kind=\"vm\"", StringComparison.Ordinal));
            });
            Assert.Contains($"virt_object_in_maintenance{{target=\"{Target}\",id=\"{TargetNode}\",kind=\"target\"}} 1", inMaintenance);
            Assert.Contains(inMaintenance, l => l.Contains("kind=\"host\"", StringComparison.Ordinal));
            Assert.All(inMaintenance, l => Assert.Contains($"target=\"{Target}\"", l, StringComparison.Ordinal));
            Assert.True((await GetJsonAsync(service, $"/api/v1/alerts/{id}"))["inMaintenance"]!.GetValue<bool>());
            var replay = (await GetJsonAsync(service, "/api/v1/alert-feed?connector=latecomer&max=1000"))["items"]!.AsArray().Where(i => i!["id"]!.GetValue<long>() == id).ToList();
            Assert.NotEmpty(replay);
            Assert.All(replay, i => Assert.True(i!["inMaintenance"]!.GetValue<bool>()));

            using (var ended = await service.Http.DeleteAsync(new Uri(service.BaseUrl, $"/api/v1/maintenance/{window}")))
            {
                Assert.Equal(System.Net.HttpStatusCode.NoContent, ended.StatusCode);
            }

            await WaitForAsync("virt_object_in_maintenance empty again", TimeSpan.FromSeconds(30), service, async () =>
                MaintenanceSeries(await service.GetAsync("/metrics")).Count == 0);
            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
        }
        finally
        {
            await watching.CancelAsync();
            most = await watcher;
            _output.WriteLine(service.Stderr);
            await service.DisposeAsync();
            await simulator.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }

        Assert.True(most <= 1, $"Alertmanager held {most} VirtTargetUnreachable alerts at once");
    }

    /// <summary>Polls Alertmanager until cancelled; returns the most <c>VirtTargetUnreachable</c> alerts seen at once.</summary>
    private static async Task<int> WatchAsync(AlertmanagerServer alertmanager, CancellationToken cancellationToken)
    {
        var most = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var alerts = await alertmanager.AlertsAsync();
                most = Math.Max(most, alerts.Count(a => a.GetValueOrDefault("alertname") == "VirtTargetUnreachable"));
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return most;
    }

    /// <summary>Alertmanager's <c>VirtTargetUnreachable</c> alerts (a long outage also raises the target's
    /// <c>VirtTargetDataStale</c>, an alert of its own).</summary>
    private static List<Dictionary<string, string>> Unreachable(List<Dictionary<string, string>> alerts) =>
        [.. alerts.Where(a => a.GetValueOrDefault("alertname") == "VirtTargetUnreachable")];

    private static List<string> MaintenanceSeries(string exposition) =>
        [.. exposition.Split('\n').Where(l => l.StartsWith("virt_object_in_maintenance{", StringComparison.Ordinal))];

    private static long Sequence(JsonNode item) => item["sequence"]!.GetValue<long>();

    private static async Task<(List<JsonNode> Items, string Bookmark)> ReadFeedAsync(ServiceProcess service, int? max)
    {
        var page = await GetJsonAsync(service, $"/api/v1/alert-feed?connector={Connector}&max={max ?? 1000}");
        return ([.. page["items"]!.AsArray().Select(i => i!)], page["bookmark"]!.GetValue<string>());
    }

    private static async Task AcknowledgeAsync(ServiceProcess service, string bookmark)
    {
        using var response = await service.Http.PostAsJsonAsync(new Uri(service.BaseUrl, "/api/v1/alert-feed/ack"), new { connector = Connector, bookmark });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The service's own count of successful pushes to Alertmanager, from <c>/metrics</c>.</summary>
    private static async Task<double> SuccessfulPushesAsync(ServiceProcess service) =>
        (await service.GetAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("virt_alertmanager_pushes_total{", StringComparison.Ordinal) && l.Contains("result=\"success\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static async Task<ServiceProcess> StartServiceAsync(Workspace workspace, Uri url, string key)
    {
        var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return service;
    }

    private static async Task<JsonNode> GetJsonAsync(ServiceProcess service, string path) =>
        JsonNode.Parse(await service.GetAsync(path)) ?? throw new InvalidOperationException($"{path}: empty body");

    private static Task WaitForAsync(string what, TimeSpan within, ServiceProcess service, Func<Task<bool>> condition) =>
        service.WaitUntilAsync(what, within, condition);
}
