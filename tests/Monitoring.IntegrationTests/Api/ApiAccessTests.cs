using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Monitoring.IntegrationTests.Api;

/// <summary>Every endpoint the OpenAPI document lists, walked by its <c>x-required-role</c>: no key 401, a
/// lower role 403, its role and higher 2xx. A new endpoint without a role rule, or one the walk cannot call,
/// fails here.</summary>
public sealed class ApiAccessTests : IClassFixture<ApiService>
{
    private static readonly string[] s_roles = ["reader", "operator", "admin"];

    /// <summary>Well-formed, but no such key was ever made.</summary>
    private const string UnknownKey = "vmk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private readonly ApiService _api;

    public ApiAccessTests(ApiService api) => _api = api;

    [Fact]
    public async Task OpenApiDocument_ParsesWithMicrosoftOpenApi_AndGivesEveryOperationARole()
    {
        using var response = await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", key: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();

        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(read.Document);
        Assert.True(read.Diagnostic is null || read.Diagnostic.Errors.Count == 0, string.Join("\n", read.Diagnostic?.Errors.Select(e => $"{e.Pointer}: {e.Message}") ?? []));
        Assert.Equal("X-Api-Key", ApiKeyHeader(read.Document!));

        var operations = Operations(JsonNode.Parse(text)!).ToList();
        Assert.All(operations, o => Assert.True(o.Role is "none" or "reader" or "operator" or "admin", $"{o.Method} {o.Path} has no valid x-required-role (add RequireRole(...) or AllowWithoutKey() to the endpoint): '{o.Role}'"));
        var listed = operations.Select(o => $"{o.Method} {o.Path}").ToHashSet();
        foreach (var expected in new[]
        {
            "GET /api/v1/hosts", "GET /api/v1/vms", "GET /api/v1/clusters", "GET /api/v1/datastores",
            "GET /api/v1/hosts/{id}", "GET /api/v1/vms/{id}", "GET /api/v1/performance", "GET /api/v1/collectors",
            "GET /api/v1/apikeys", "POST /api/v1/apikeys", "DELETE /api/v1/apikeys/{name}", "GET /api/v1/audit",
            "GET /api/v1/alert-feed", "POST /api/v1/alert-feed/ack",
            "GET /api/v1/me",
            "GET /api/v1/tips", "GET /api/v1/tips/{id}", "GET /api/v1/tips/whatif", "POST /api/v1/tips/{id}/implement", "POST /api/v1/tips/{id}/dismiss",
            "GET /metrics", "GET /healthz", "GET /readyz",
        })
        {
            Assert.Contains(expected, listed);
        }

        Assert.Equal("admin", operations.Single(o => o.Method == "POST" && o.Path == "/api/v1/apikeys").Role);
        Assert.Equal("none", operations.Single(o => o.Path == "/metrics").Role);
        Assert.Equal("operator", operations.Single(o => o.Method == "POST" && o.Path == "/api/v1/tips/{id}/implement").Role);
        Assert.Equal("operator", operations.Single(o => o.Method == "POST" && o.Path == "/api/v1/tips/{id}/dismiss").Role);
    }

    [Fact]
    public async Task EveryDocumentedEndpoint_NoKey401_LowerRole403_ItsRoleAndHigher2xx()
    {
        var document = JsonNode.Parse(await (await _api.SendAsync(HttpMethod.Get, "/openapi/v1.json", key: null)).Content.ReadAsStringAsync())!;
        var checkedCount = 0;
        foreach (var operation in Operations(document))
        {
            var method = new HttpMethod(operation.Method);
            var name = $"{operation.Method} {operation.Path}";
            if (operation.Role == "none")
            {
                await ExpectAsync(name, method, operation, key: null, expect: null);
                await ExpectAsync(name, method, operation, _api.ReaderKey, expect: null);
                checkedCount++;
                continue;
            }

            Assert.Contains(operation.Role, s_roles);
            await ExpectAsync(name, method, operation, key: null, HttpStatusCode.Unauthorized);
            await ExpectAsync(name, method, operation, UnknownKey, HttpStatusCode.Unauthorized);
            var required = Array.IndexOf(s_roles, operation.Role);
            for (var i = 0; i < s_roles.Length; i++)
            {
                // The exact role through X-Api-Key, higher ones as bearer tokens: both headers are exercised.
                var header = i == required ? "X-Api-Key" : "Authorization";
                await ExpectAsync(name, method, operation, _api.KeyOf(s_roles[i]), i < required ? HttpStatusCode.Forbidden : null, header);
            }

            checkedCount++;
        }

        Assert.True(checkedCount >= 15, $"only {checkedCount} operations were walked");
    }

    /// <summary>Sends one request; <paramref name="expect"/> null means any 2xx.</summary>
    private async Task ExpectAsync(string name, HttpMethod method, Operation operation, string? key, HttpStatusCode? expect, string header = "X-Api-Key")
    {
        var (pathAndQuery, body) = await SampleAsync(operation);
        using var response = await _api.SendAsync(method, pathAndQuery, key, body, header);
        var text = await response.Content.ReadAsStringAsync();
        var who = key is null ? "no key" : key == UnknownKey ? "an unknown key" : $"the {s_roles.FirstOrDefault(r => _api.KeyOf(r) == key)} key";
        if (expect is null)
        {
            Assert.True(response.IsSuccessStatusCode, $"{name} with {who}: expected 2xx, got {(int)response.StatusCode} {text}");
        }
        else
        {
            Assert.True(expect == response.StatusCode, $"{name} with {who}: expected {(int)expect}, got {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>A request that the endpoint should accept: real ids for path parameters and required queries,
    /// a valid body where one is needed. An endpoint this does not know how to call fails the test.</summary>
    private async Task<(string PathAndQuery, string? Body)> SampleAsync(Operation operation)
    {
        var path = operation.Path;
        if (path.StartsWith("/api/v1/alerts/{id}", StringComparison.Ordinal))
        {
            // A fresh open alert per call: an action such as close leaves its alert closed (409 for the next role).
            var action = path["/api/v1/alerts/{id}".Length..];
            var body = action switch
            {
                "/resolution-state" => "{\"state\":249}",
                "/owner" => "{\"owner\":\"walker\"}",
                "/comments" => "{\"text\":\"walked\"}",
                _ => null,
            };
            return ($"/api/v1/alerts/{_api.StoreAlert()}{action}", body);
        }

        if (path.StartsWith("/api/v1/tips/{id}", StringComparison.Ordinal))
        {
            // A fresh Active tip per call: implement or dismiss leaves its tip past Active (409 for the next role).
            return ($"/api/v1/tips/{_api.StoreTip()}{path["/api/v1/tips/{id}".Length..]}", null);
        }

        switch ($"{operation.Method} {path}")
        {
            case "GET /api/v1/health/{id}":
                return ("/api/v1/health/estate", null);
            case "POST /api/v1/maintenance":
                return (path, "{\"object\":\"target:vc1\",\"durationMinutes\":1,\"reason\":\"walk\"}");
            case "DELETE /api/v1/maintenance/{id}":
                using (var created = await _api.SendAsync(HttpMethod.Post, "/api/v1/maintenance", _api.AdminKey, "{\"object\":\"target:vc1\",\"durationMinutes\":1,\"reason\":\"walk\"}"))
                {
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                    return ($"/api/v1/maintenance/{(await ApiService.JsonAsync(created))["id"]!.GetValue<string>()}", null);
                }
        }

        if (path.EndsWith("/{id}", StringComparison.Ordinal))
        {
            var list = path["/api/v1/".Length..^"/{id}".Length];
            return ($"/api/v1/{list}/{await _api.FirstIdAsync(list)}", null);
        }

        switch ($"{operation.Method} {path}")
        {
            case "GET /api/v1/performance":
                return ($"/api/v1/performance?object={Uri.EscapeDataString(await _api.FirstIdAsync("vms"))}", null);
            case "GET /api/v1/alert-feed":
                return ($"{path}?connector=walk", null);
            case "POST /api/v1/alert-feed/ack":
                using (var read = await _api.SendAsync(HttpMethod.Get, "/api/v1/alert-feed?connector=walk", _api.ReaderKey))
                {
                    var bookmark = JsonNode.Parse(await read.Content.ReadAsStringAsync())!["bookmark"]!.GetValue<string>();
                    return (path, $"{{\"connector\":\"walk\",\"bookmark\":\"{bookmark}\"}}");
                }

            case "POST /api/v1/alertmanager/webhook":
                // A version 4 message whose alert no rule maps: accepted and ignored, so the walk raises no tip.
                return (path, "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"walk\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"WalkAlert\"},\"fingerprint\":\"0123456789abcdef\",\"startsAt\":\"2026-11-26T00:00:00Z\"}]}");
            case "POST /api/v1/apikeys":
                return (path, $"{{\"name\":\"walk-{Guid.NewGuid():N}\",\"role\":\"reader\"}}");
            case "DELETE /api/v1/apikeys/{name}":
                var name = $"walk-{Guid.NewGuid():N}";
                using (var created = await _api.SendAsync(HttpMethod.Post, "/api/v1/apikeys", _api.AdminKey, $"{{\"name\":\"{name}\",\"role\":\"reader\"}}"))
                {
                    Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                }

                return ($"/api/v1/apikeys/{name}", null);
            default:
                Assert.False(path.Contains('{', StringComparison.Ordinal) || operation.HasBody || operation.HasRequiredQuery,
                    $"{operation.Method} {path} needs parameters or a body: add a sample request for it to {nameof(SampleAsync)}");
                return (path, null);
        }
    }

    private static string? ApiKeyHeader(OpenApiDocument document) =>
        document.Components?.SecuritySchemes?.TryGetValue("ApiKey", out var scheme) == true ? scheme.Name : null;

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray() ?? [];
                yield return new Operation(
                    method.ToUpperInvariant(),
                    path,
                    operation["x-required-role"]?.GetValue<string>(),
                    operation["requestBody"] is not null,
                    parameters.Any(p => p!["in"]?.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true));
            }
        }
    }

    private sealed record Operation(string Method, string Path, string? Role, bool HasBody, bool HasRequiredQuery);
}
