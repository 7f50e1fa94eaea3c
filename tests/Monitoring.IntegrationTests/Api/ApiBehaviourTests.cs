using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Monitoring.IntegrationTests.Api;

/// <summary>What the API answers, against what the service collected from the simulator, and how keys
/// and the audit trail behave.</summary>
public sealed class ApiBehaviourTests : IClassFixture<ApiService>
{
    private readonly ApiService _api;

    public ApiBehaviourTests(ApiService api) => _api = api;

    [Fact]
    public async Task RevokeOnTheCommandLine_TheNextRequestWithTheKey_Gets401()
    {
        var key = await _api.CreateKeyAsync("revoke-cli", "reader");
        using (var before = await _api.SendAsync(HttpMethod.Get, "/api/v1/hosts", key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var revoke = await _api.CliAsync("apikey", "revoke", "revoke-cli");
        Assert.True(revoke.ExitCode == 0, revoke.Stderr);

        using var after = await _api.SendAsync(HttpMethod.Get, "/api/v1/hosts", key, header: "Authorization");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", (await ApiService.JsonAsync(after))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var again = await _api.CliAsync("apikey", "revoke", "revoke-cli");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("no live key is named 'revoke-cli'", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeThroughTheApi_TheNextRequestWithTheKey_Gets401()
    {
        using var created = await _api.SendAsync(HttpMethod.Post, "/api/v1/apikeys", _api.AdminKey, "{\"name\":\"revoke-api\",\"role\":\"operator\"}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = (await ApiService.JsonAsync(created))["key"]!.GetValue<string>();
        using (var before = await _api.SendAsync(HttpMethod.Get, "/api/v1/vms", key))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var revoked = await _api.SendAsync(HttpMethod.Delete, "/api/v1/apikeys/revoke-api", _api.AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var after = await _api.SendAsync(HttpMethod.Get, "/api/v1/vms", key);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var list = await _api.SendAsync(HttpMethod.Get, "/api/v1/apikeys", _api.AdminKey);
        var listed = (await ApiService.JsonAsync(list)).AsArray().Single(k => k!["name"]!.GetValue<string>() == "revoke-api")!;
        Assert.Equal("key:ops-admin", listed["revokedBy"]!.GetValue<string>());
        Assert.DoesNotContain(key, list.Content.Headers.ToString() + await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_RecordsKeyChangesAndActingCalls_WithWhoWhatWhenAndResult()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _api.CreateKeyAsync("audited", "reader");
        Assert.Equal(0, (await _api.CliAsync("apikey", "revoke", "audited")).ExitCode);
        using (await _api.SendAsync(HttpMethod.Post, "/api/v1/apikeys", _api.AdminKey, "{\"name\":\"audited-api\",\"role\":\"reader\"}"))
        using (await _api.SendAsync(HttpMethod.Post, "/api/v1/apikeys", _api.OperatorKey, "{\"name\":\"audited-denied\",\"role\":\"admin\"}"))
        using (await _api.SendAsync(HttpMethod.Post, "/api/v1/apikeys", key: null, "{\"name\":\"audited-anon\",\"role\":\"admin\"}"))
        using (await _api.SendAsync(HttpMethod.Post, "/api/v1/apikeys", _api.AdminKey, "{\"name\":\"audited-bad\",\"role\":\"admin\",\"x\":1}"))
        {
        }

        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/audit?limit=1000", _api.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = (await ApiService.JsonAsync(response))["items"]!.AsArray().Select(e => e!).ToList();

        JsonNode Find(string actor, string action, string subject) =>
            entries.SingleOrDefault(e => e["actor"]!.GetValue<string>() == actor && e["action"]!.GetValue<string>() == action && (e["subject"]?.GetValue<string>() ?? string.Empty).StartsWith(subject, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no audit entry {actor} {action} {subject} in:\n{string.Join('\n', entries)}");

        var cliUser = "cli:" + Environment.UserName;
        Assert.Equal("succeeded", Find(cliUser, "apikey.create", "audited (reader)")["outcome"]!.GetValue<string>());
        Assert.Equal("succeeded", Find(cliUser, "apikey.revoke", "audited")["outcome"]!.GetValue<string>());
        Assert.Equal("succeeded", Find("key:ops-admin", "apikey.create", "audited-api")["outcome"]!.GetValue<string>());
        var call = entries.First(e => e["actor"]!.GetValue<string>() == "key:ops-admin" && e["action"]!.GetValue<string>() == "POST /api/v1/apikeys" && e["status"]!.GetValue<int>() == 201);
        Assert.True(call["at"]!.GetValue<DateTimeOffset>() >= started);
        Assert.Contains(entries, e => e["actor"]!.GetValue<string>() == "key:ops-operator" && e["outcome"]!.GetValue<string>() == "denied" && e["status"]!.GetValue<int>() == 403);
        Assert.Contains(entries, e => e["actor"]!.GetValue<string>() == "anonymous" && e["outcome"]!.GetValue<string>() == "denied" && e["status"]!.GetValue<int>() == 401);
        Assert.Contains(entries, e => e["actor"]!.GetValue<string>() == "key:ops-admin" && e["outcome"]!.GetValue<string>() == "refused" && e["status"]!.GetValue<int>() == 400);
    }

    [Fact]
    public async Task Inventory_ListsMatchTheCommandLine_AndFiltersAndPagesAgree()
    {
        var cli = await _api.CliAsync("inventory", "--json");
        Assert.Equal(0, cli.ExitCode);
        var stored = JsonNode.Parse(cli.Stdout)!;
        var vms = await _api.ListAsync("vms");
        var hosts = await _api.ListAsync("hosts");
        Assert.Equal(Ids(stored["vms"]!.AsArray()), Ids(vms));
        Assert.Equal(Ids(stored["hosts"]!.AsArray()), Ids(hosts));
        Assert.Equal(stored["vms"]![0]!.ToJsonString(), vms[0]!.ToJsonString());

        // Pages of one walk the same list in the same order.
        var paged = new List<string>();
        for (var offset = 0; offset < vms.Count; offset++)
        {
            using var page = await _api.SendAsync(HttpMethod.Get, $"/api/v1/vms?limit=1&offset={offset}", _api.ReaderKey);
            var body = await ApiService.JsonAsync(page);
            Assert.Equal(vms.Count, body["total"]!.GetValue<int>());
            paged.AddRange(Ids(body["items"]!.AsArray()));
        }

        Assert.Equal(Ids(vms), paged);

        // A host filter returns that host's VMs only; an object comes back by its id.
        var host = vms[0]!["hostId"]!.GetValue<string>();
        var onHost = await _api.ListAsync("vms", "?host=" + Uri.EscapeDataString(host));
        Assert.Equal(vms.Count(v => v!["hostId"]!.GetValue<string>() == host), onHost.Count);
        Assert.All(onHost, v => Assert.Equal(host, v!["hostId"]!.GetValue<string>()));
        Assert.Empty(await _api.ListAsync("vms", "?target=other"));
        using var one = await _api.SendAsync(HttpMethod.Get, "/api/v1/hosts/" + host, _api.ReaderKey);
        Assert.Equal(host, (await ApiService.JsonAsync(one))["id"]!.GetValue<string>());
        using var missing = await _api.SendAsync(HttpMethod.Get, "/api/v1/hosts/vc1/host-does-not-exist", _api.ReaderKey);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var clusters = await _api.ListAsync("clusters");
        Assert.Equal(hosts.Count(h => h!["clusterId"] is not null), clusters.Sum(c => c!["hostCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Performance_ForACollectedVm_ReturnsMinutePointsOfTheStoredMetrics()
    {
        var vm = await _api.FirstIdAsync("vms");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonNode body;
        do
        {
            using var response = await _api.SendAsync(HttpMethod.Get, $"/api/v1/performance?object={Uri.EscapeDataString(vm)}&metric=cpu.usage", _api.ReaderKey);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = await ApiService.JsonAsync(response);
            if (body["series"]!.AsArray().Count > 0)
            {
                break;
            }

            await Task.Delay(1000);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("minute", body["resolution"]!.GetValue<string>());
        var series = Assert.Single(body["series"]!.AsArray())!;
        Assert.Equal("cpu.usage", series["metric"]!.GetValue<string>());
        var point = series["points"]!.AsArray()[^1]!;
        Assert.InRange(point["average"]!.GetValue<double>(), 0, 1); // a ratio in base units
        Assert.True(point["count"]!.GetValue<int>() >= 1);
        Assert.True(point["time"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // A week picks hourly data by itself.
        using var week = await _api.SendAsync(HttpMethod.Get, $"/api/v1/performance?object={Uri.EscapeDataString(vm)}&from={DateTimeOffset.UtcNow.AddDays(-7):O}".Replace("+", "%2B", StringComparison.Ordinal), _api.ReaderKey);
        Assert.Equal("hour", (await ApiService.JsonAsync(week))["resolution"]!.GetValue<string>());
    }

    [Fact]
    public async Task Collectors_ShowTheTargetsLatestPasses_WithoutItsCredentials()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/collectors", _api.ReaderKey);
        var text = await response.Content.ReadAsStringAsync();
        var target = Assert.Single(JsonNode.Parse(text)!.AsArray())!;
        Assert.Equal("vc1", target["target"]!.GetValue<string>());
        var inventory = target["passes"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "inventory")!;
        Assert.True(inventory["succeeded"]!.GetValue<bool>());
        Assert.NotNull(inventory["lastSuccessAt"]);
        Assert.Empty(inventory["gaps"]!.AsArray()); // the simulator lacks nothing optional
        Assert.DoesNotContain(Infrastructure.Simulator.Password, text, StringComparison.Ordinal);
    }

    private static List<string> Ids(JsonArray items) => [.. items.Select(i => i!["id"]!.GetValue<string>())];
}
