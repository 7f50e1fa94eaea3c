using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Api;

/// <summary>Keys never reach a log: a whole run at debug level, in which keys are created, used rightly and
/// wrongly, put where they do not belong (a body field, a filter) and revoked, logs none of them, and the
/// database holds none of them either (hashes only).</summary>
public sealed class ApiKeyLogTests
{
    [Fact]
    public async Task ARunThatUsedKeys_LogsNoKey_AndStoresNoKey()
    {
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new { Monitoring = new { Http = new { Urls = url.ToString().TrimEnd('/') } } });
        var cliLogs = new StringBuilder();
        async Task<CliResult> CliAsync(params string[] arguments)
        {
            var result = await Cli.RunAsync(workspace.Directory, [.. arguments, "--config", workspace.ConfigPath, "--verbose"]);
            cliLogs.AppendLine(result.Stderr);
            return result;
        }

        async Task<string> CreateAsync(string name, string role)
        {
            var result = await CliAsync("apikey", "create", "--name", name, "--role", role);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return result.Stdout.TrimEnd().Split('\n')[^1];
        }

        var reader = await CreateAsync("log-reader", "reader");
        var admin = await CreateAsync("log-admin", "admin");
        var keys = new List<string> { reader, admin };
        string serviceLog;
        await using (var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url, extraArguments: ["--verbose"]))
        {
            async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string? key, string? body = null, bool bearer = false)
            {
                using var request = new HttpRequestMessage(method, new Uri(url, path));
                if (key is not null && bearer)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                }
                else if (key is not null)
                {
                    request.Headers.Add("X-Api-Key", key);
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await service.Http.SendAsync(request);
                return response.StatusCode;
            }

            Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/v1/hosts", reader));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/v1/vms", reader, bearer: true));
            Assert.Equal(HttpStatusCode.Forbidden, await SendAsync(HttpMethod.Get, "/api/v1/audit", reader));
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/hosts", reader + "x"));
            Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/v1/hosts?name=" + Uri.EscapeDataString(reader) + "&target=" + Uri.EscapeDataString(admin), reader));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Post, "/api/v1/apikeys", admin, $"{{\"name\":\"log-x\",\"role\":\"reader\",\"key\":\"{reader}\"}}"));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Post, "/api/v1/apikeys", admin, $"{{\"name\":\"{admin}\",\"role\":\"reader\"}}"));
            Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(HttpMethod.Delete, "/api/v1/apikeys/" + admin, admin));
            Assert.Equal(1, (await CliAsync("apikey", "revoke", admin)).ExitCode);

            using (var created = await service.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/api/v1/apikeys"))
            {
                Headers = { { "X-Api-Key", admin } },
                Content = new StringContent("{\"name\":\"log-api\",\"role\":\"reader\"}", Encoding.UTF8, "application/json"),
            }))
            {
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                keys.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!.GetValue<string>());
            }

            Assert.Equal(HttpStatusCode.OK, await SendAsync(HttpMethod.Get, "/api/v1/collectors", keys[^1]));
            Assert.Equal(HttpStatusCode.NoContent, await SendAsync(HttpMethod.Delete, "/api/v1/apikeys/log-api", admin));
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/collectors", keys[^1]));
            Assert.Equal(0, (await CliAsync("apikey", "revoke", "log-reader")).ExitCode);
            Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HttpMethod.Get, "/api/v1/hosts", reader, bearer: true));
            using (var audit = await service.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(url, "/api/v1/audit?limit=1000")) { Headers = { { "X-Api-Key", admin } } }))
            {
                Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
                var trail = await audit.Content.ReadAsStringAsync();
                Assert.Contains("vmk_(redacted)", trail, StringComparison.Ordinal);
                Assert.All(keys, k => Assert.DoesNotContain(k["vmk_000000000000_".Length..], trail, StringComparison.Ordinal));
            }

            Assert.Equal(0, (await CliAsync("apikey", "list")).ExitCode);

            Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));
            serviceLog = service.Stderr;
        }

        // The run did log, at debug level, and about these keys by name.
        Assert.Contains("API key 'log-api' (reader) created by key:log-admin", serviceLog, StringComparison.Ordinal);
        Assert.Contains("API key 'log-api' revoked by key:log-admin", serviceLog, StringComparison.Ordinal);
        Assert.Contains("dbug:", serviceLog + cliLogs, StringComparison.Ordinal);
        var logs = serviceLog + cliLogs;
        var database = Path.Combine(workspace.Directory, "data", "monitoring.db");
        var stored = string.Concat(new[] { database, database + "-wal" }.Where(File.Exists).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("log-api", stored, StringComparison.Ordinal);
        foreach (var key in keys)
        {
            var secret = key["vmk_000000000000_".Length..];
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
        }
    }
}
