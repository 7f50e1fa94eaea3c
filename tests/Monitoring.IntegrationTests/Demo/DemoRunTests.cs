using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Demo;

/// <summary><c>monitoring demo</c> as a user runs it (the simulator built and started by the demo itself): it prints the web
/// console's URL and a demo operator key that the console's API accepts; the next demo on the same database revokes it.</summary>
public sealed partial class DemoRunTests
{
    [Fact]
    public async Task Demo_PrintsTheConsoleUrlAndAnOperatorKey_ThatTheNextDemoRevokes()
    {
        using var workspace = new Workspace();
        var url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
        workspace.WriteConfigDocument(new { Monitoring = new { Http = new { Urls = url.ToString().TrimEnd('/') } } });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var (firstOut, firstKey) = await RunDemoAsync(workspace, async (consoleUrl, key) =>
        {
            Assert.Equal(new Uri(url, "/"), consoleUrl);
            using var page = await http.GetAsync(consoleUrl);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            var me = await MeAsync(http, url, key);
            Assert.Equal(HttpStatusCode.OK, me.Status);
            Assert.Equal("operator", me.Body.GetProperty("role").GetString());
            Assert.StartsWith("demo-operator-", me.Body.GetProperty("name").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("demo only", firstOut, StringComparison.Ordinal);

        await Task.Delay(1100); // each demo's key is named by its start second
        await RunDemoAsync(workspace, async (_, key) =>
        {
            Assert.NotEqual(firstKey, key);
            Assert.Equal(HttpStatusCode.OK, (await MeAsync(http, url, key)).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(http, url, firstKey)).Status);
        });
    }

    /// <summary>Starts the demo, waits for its URLs, runs <paramref name="check"/> on the console URL and key it printed,
    /// then stops it with SIGTERM (as Ctrl+C would) and expects a clean exit.</summary>
    private static async Task<(string Stdout, string Key)> RunDemoAsync(Workspace workspace, Func<Uri, string, Task> check)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workspace.Directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Cli.AssemblyPath, "demo", "--config", workspace.ConfigPath })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                stdout.AppendLine(line);
                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            var text = stdout.ToString();
            var consoleUrl = ConsoleLine().Match(text);
            var key = KeyLine().Match(text);
            Assert.True(consoleUrl.Success && key.Success, $"the demo printed no console URL or key:\n{text}");
            await check(new Uri(consoleUrl.Groups[1].Value), key.Groups[1].Value);

            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(stop.Token);
            Assert.True(process.ExitCode == 0, $"demo exit {process.ExitCode}:\n{await stderr}");
            return (text, key.Groups[1].Value);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> MeAsync(HttpClient http, Uri url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, "/api/v1/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.Clone() : default);
    }

    [GeneratedRegex(@"^Web console:\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"^Operator API key:\s+(vmk_\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
