using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Remediation;

/// <summary>Ticket 8's proof against the real Alertmanager (Debian prometheus-alertmanager): a firing alert posted to it
/// several times, delivered to <c>monitoring run</c> by its webhook (with an operator key as a bearer token, and
/// re-sent by its own repeat interval), becomes one tip; posted resolved, the tip is Closed.</summary>
/// <remarks>Tips are read through <c>GET /api/v1/tips</c> when the service has it; a build without the tips API
/// (before it lands) is read through the service's log lines, which name each tip raised or closed.</remarks>
public sealed partial class AlertmanagerWebhookTests
{
    private const string AlertName = "VirtTestHostDown";
    private const string Host = "vc1/host-7";
    private static readonly string[] s_ruleLabels = ["severity=critical"];

    private readonly ITestOutputHelper _output;

    public AlertmanagerWebhookTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task FiringAlertReSentSeveralTimes_IsOneTip_AndItsResolveClosesIt()
    {
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = url.ToString().TrimEnd('/') },
                Remediation = new
                {
                    AlertRules = new[] { new { Alert = AlertName, Labels = s_ruleLabels, Action = "enterMaintenance" } },
                },
            },
        });
        var key = await workspace.CreateApiKeyAsync("alertmanager", "operator");

        await using var alertmanager = await AlertmanagerServer.StartAsync(configYaml: $"""
            route:
              receiver: monitoring
              group_by: [alertname, object]
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 2s
            receivers:
              - name: monitoring
                webhook_configs:
                  - url: {url}api/v1/alertmanager/webhook
                    send_resolved: true
                    max_alerts: 50
                    http_config:
                      authorization:
                        type: Bearer
                        credentials: {key}
            """);
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url);
        service.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            // Without a key the webhook is refused; a malformed body is refused with the field named.
            using (var anonymous = new HttpClient())
            using (var refused = await anonymous.PostAsync(new Uri(url, "/api/v1/alertmanager/webhook"), Json("""{"version":"4","status":"firing","alerts":[]}""")))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            using (var bad = await service.Http.PostAsync(new Uri(url, "/api/v1/alertmanager/webhook"), Json("""{"version":"3","status":"firing","alerts":[]}""")))
            {
                Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
                Assert.Contains("is not supported; this receiver reads Alertmanager's webhook version", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var startsAt = DateTimeOffset.UtcNow.AddSeconds(-5);
            for (var i = 0; i < 3; i++)
            {
                await PostAlertAsync(alertmanager, startsAt, endsAt: null);
                await Task.Delay(1500);
            }

            // Delivered, then re-sent by Alertmanager (repeat_interval 2s): several deliveries, one tip.
            await WaitForAsync("three webhook deliveries", TimeSpan.FromSeconds(60), service, () => Task.FromResult(Deliveries(service.Stderr, "firing") >= 3));
            var raised = Raised(service.Stderr);
            var tipId = Assert.Single(raised);
            var tips = await TipsAsync(service);
            if (tips is not null)
            {
                var tip = Assert.Single(tips, t => t["target"]!.GetValue<string>() == Host);
                Assert.Equal((tipId, "Active", "enterMaintenance"), (tip["id"]!.GetValue<string>(), tip["status"]!.GetValue<string>(), tip["action"]!["kind"]!.GetValue<string>()));
            }

            // Resolved: Alertmanager sends it (send_resolved) and the tip closes.
            await PostAlertAsync(alertmanager, startsAt, endsAt: DateTimeOffset.UtcNow.AddSeconds(-1));
            await WaitForAsync("the resolved delivery", TimeSpan.FromSeconds(60), service, () => Task.FromResult(Closed(service.Stderr).Contains(tipId)));
            Assert.Single(Raised(service.Stderr));
            tips = await TipsAsync(service);
            if (tips is not null)
            {
                var tip = Assert.Single(tips, t => t["target"]!.GetValue<string>() == Host);
                Assert.Equal((tipId, "Closed"), (tip["id"]!.GetValue<string>(), tip["status"]!.GetValue<string>()));
            }

            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(40)));
        }
        finally
        {
            _output.WriteLine(service.Stderr);
            _output.WriteLine(alertmanager.Log);
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>Posts the test alert to Alertmanager's v2 API, firing (no end) or resolved (an end in the past).</summary>
    private static async Task PostAlertAsync(AlertmanagerServer alertmanager, DateTimeOffset startsAt, DateTimeOffset? endsAt)
    {
        var alert = new JsonObject
        {
            ["labels"] = new JsonObject { ["alertname"] = AlertName, ["severity"] = "critical", ["object"] = Host, ["job"] = "integration-test" },
            ["annotations"] = new JsonObject { ["description"] = "the host stopped answering" },
            ["startsAt"] = startsAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (endsAt is { } end)
        {
            alert["endsAt"] = end.ToString("O", CultureInfo.InvariantCulture);
        }

        using var response = await alertmanager.Http.PostAsync(new Uri(alertmanager.Url, "/api/v2/alerts"), Json(new JsonArray(alert).ToJsonString()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The tips from <c>GET /api/v1/tips?status=...</c> (all statuses), or null when this build has no tips API.</summary>
    private static async Task<List<JsonNode>?> TipsAsync(ServiceProcess service)
    {
        using var response = await service.Http.GetAsync(new Uri(service.BaseUrl, "/api/v1/tips?limit=1000"));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var all = new List<JsonNode>();
        foreach (var status in new[] { "Active", "Initialized", "Running", "Resolved", "Failed", "Dismissed", "Closed" })
        {
            var page = JsonNode.Parse(await service.GetAsync($"/api/v1/tips?status={status}&limit=1000"))!;
            all.AddRange(page["items"]!.AsArray().Select(i => i!));
        }

        return all;
    }

    private static int Deliveries(string log, string status) =>
        log.Split('\n').Count(l => l.Contains($"alertmanager webhook: 1 alerts ({status})", StringComparison.Ordinal));

    private static List<string> Raised(string log) => [.. TipLine().Matches(log).Where(m => m.Groups["what"].Value == "raised").Select(m => m.Groups["tip"].Value)];

    private static List<string> Closed(string log) => [.. TipLine().Matches(log).Where(m => m.Groups["what"].Value == "closed").Select(m => m.Groups["tip"].Value)];

    private static async Task WaitForAsync(string what, TimeSpan within, ServiceProcess service, Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"waited {within.TotalSeconds} s for {what}:\n{service.Stderr}");
    }

    [GeneratedRegex(@"alertmanager webhook: alert VirtTestHostDown \(fingerprint \w+\) (?<what>raised|closed) tip (?<tip>\w+)")]
    private static partial Regex TipLine();
}
