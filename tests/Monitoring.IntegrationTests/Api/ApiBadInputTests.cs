using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Api;

/// <summary>Bad input gets a clear 4xx problem and changes nothing stored: malformed JSON, unknown fields,
/// huge pages and bodies, and injection attempts in filters and ids.</summary>
public sealed class ApiBadInputTests : IClassFixture<ApiService>
{
    /// <summary>What an API call could change: the inventory and the keys. (Samples are left out: the service writes
    /// them all the time. The audit trail is left out: recording a refused call there is what it is for.)</summary>
    private static readonly string[] s_stored = ["Datacenters", "Clusters", "Hosts", "Vms", "Datastores", "ApiKeys"];

    private readonly ApiService _api;

    public ApiBadInputTests(ApiService api) => _api = api;

    public static TheoryData<string, string, string> BadQueries => new()
    {
        // path and query, the parameter the problem names, a word its message holds
        { "/api/v1/hosts?limit=1000000", "limit", "1 to 1000" },
        { "/api/v1/vms?limit=2147483648", "limit", "1 to 1000" },
        { "/api/v1/vms?limit=-1", "limit", "1 to 1000" },
        { "/api/v1/vms?limit=ten", "limit", "whole number" },
        { "/api/v1/vms?offset=99999999999", "offset", "whole number" },
        { "/api/v1/audit?limit=5000", "limit", "1 to 1000" },
        { "/api/v1/vms?helth=critical", "helth", "unknown query parameter" },
        { "/api/v1/vms?health=CRITICAL", "health", "healthy" },
        { "/api/v1/vms?powerState=1", "powerState", "poweredOn" },
        { "/api/v1/vms?includeGone=yes", "includeGone", "true or false" },
        { "/api/v1/vms?target=" + Uri.EscapeDataString("vc1' OR '1'='1"), "target", "target name" },
        { "/api/v1/vms?target=" + Uri.EscapeDataString("vc1\"; DROP TABLE \"Vms\"; --"), "target", "target name" },
        { "/api/v1/vms?host=" + Uri.EscapeDataString("vc1/host-1' OR 1=1 --"), "host", "inventory id" },
        { "/api/v1/hosts?cluster=" + Uri.EscapeDataString("x) UNION SELECT * FROM ApiKeys --"), "cluster", "inventory id" },
        { "/api/v1/vms/" + "vc1/vm-1'%3B%20DROP%20TABLE%20Vms%3B--", "id", "inventory id" },
        { "/api/v1/hosts/" + "vc1%2F..%2F..%2Fetc%2Fpasswd", "id", "inventory id" },
        { "/api/v1/hosts/" + "vc1/host-1%20OR%201=1", "id", "inventory id" },
        { "/api/v1/performance?object=" + Uri.EscapeDataString("vc1/vm-1' OR ''='"), "object", "inventory id" },
        { "/api/v1/performance", "object", "required" },
        { "/api/v1/performance?object=vc1/vm-1&from=yesterday", "from", "ISO 8601" },
        { "/api/v1/performance?object=vc1/vm-1&metric=" + Uri.EscapeDataString("cpu.usage' --"), "metric", "cpu.usage" },
        { "/api/v1/performance?object=vc1/vm-1&from=2000-01-01T00:00:00Z&resolution=minute", "resolution", "limit of" },
        { "/api/v1/vms?name=" + new string('a', 300), "name", "256" },
        { "/api/v1/vms?limit=1&limit=2", "limit", "more than once" },
        { "/api/v1/alert-feed", "connector", "required" },
        { "/api/v1/alert-feed?connector=" + Uri.EscapeDataString("ops mgr'--"), "connector", "letters, digits" },
        { "/api/v1/alert-feed?connector=opsmgr&max=5000", "max", "1 to 1000" },
        { "/api/v1/alert-feed?connector=opsmgr&after=42", "after", "not a bookmark this feed gave out" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Get_BadParameter_Gets400NamingIt_AndChangesNothing(string pathAndQuery, string parameter, string says)
    {
        var before = await DatabaseDump.ReadAsync(_api.DatabasePath, s_stored);
        using var response = await _api.SendAsync(HttpMethod.Get, pathAndQuery, _api.AdminKey);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{pathAndQuery}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.NotNull(problem["errors"]![parameter]);
        Assert.Contains(says, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseDump.ReadAsync(_api.DatabasePath, s_stored));
    }

    [Fact]
    public async Task Get_NameFilterWithSqlOrWildcards_IsMatchedAsPlainText()
    {
        var all = (await _api.ListAsync("vms")).Count;
        Assert.True(all > 0);
        foreach (var name in new[] { "' OR '1'='1", "%", "%VM", "\\", "'; DROP TABLE \"Vms\"; --" })
        {
            Assert.Empty(await _api.ListAsync("vms", "?name=" + Uri.EscapeDataString(name)));
        }

        // The simulator names VMs like DC0_H0_VM0: '_' is a literal underscore here, not LIKE's any-character.
        Assert.Equal(all, (await _api.ListAsync("vms", "?name=_vm")).Count);

        Assert.Equal(all, (await _api.ListAsync("vms")).Count);
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadBodies => new()
    {
        // body, content type, status, a word the detail holds
        { "{\"name\":\"bad-1\",\"role\":\"reader\"", "application/json", HttpStatusCode.BadRequest, "not valid JSON" },
        { "{\"name\":\"bad-2\",\"role\":\"reader\",\"isAdmin\":true}", "application/json", HttpStatusCode.BadRequest, "unknown field 'isAdmin'" },
        { "{\"name\":\"bad-3\"}", "application/json", HttpStatusCode.BadRequest, "required field" },
        { "{\"name\":[\"bad-4\"],\"role\":\"reader\"}", "application/json", HttpStatusCode.BadRequest, "wrong type" },
        { "null", "application/json", HttpStatusCode.BadRequest, "JSON object" },
        { "{\"name\":\"bad-5\",\"role\":\"root\"}", "application/json", HttpStatusCode.BadRequest, "reader, operator or admin" },
        { "{\"name\":\"x'; DROP TABLE \\\"ApiKeys\\\"; --\",\"role\":\"reader\"}", "application/json", HttpStatusCode.BadRequest, "letters, digits" },
        { "{\"name\":\"bad-6\",\"role\":\"reader\",\"pad\":\"" + new string('x', 100_000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge, "65536 bytes" },
        { "name=bad-7&role=admin", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, string.Empty },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_GetsAClear4xx_AndCreatesNothing(string body, string contentType, HttpStatusCode status, string says)
    {
        var before = await DatabaseDump.ReadAsync(_api.DatabasePath, s_stored);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api.Service.BaseUrl, "/api/v1/apikeys"))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-Api-Key", _api.AdminKey);
        using var response = await _api.Service.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, JsonNode.Parse(text)!["detail"]?.GetValue<string>() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseDump.ReadAsync(_api.DatabasePath, s_stored));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("reader")]
    public async Task Get_APathThatIsNoEndpoint_Gets404Problem_WithOrWithoutAKey(string? role)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/api/v1/virtualmachines", role is null ? null : _api.KeyOf(role));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Delete_KeyNameWithInjection_Gets400_AndRevokesNothing()
    {
        var before = await DatabaseDump.ReadAsync(_api.DatabasePath, s_stored);
        using var response = await _api.SendAsync(HttpMethod.Delete, "/api/v1/apikeys/" + Uri.EscapeDataString("ops-reader' OR '1'='1"), _api.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await DatabaseDump.ReadAsync(_api.DatabasePath, s_stored));
        using var still = await _api.SendAsync(HttpMethod.Get, "/api/v1/hosts", _api.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }
}
