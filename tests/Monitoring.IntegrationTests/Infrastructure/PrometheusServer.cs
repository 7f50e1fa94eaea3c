using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>A real Prometheus (Debian package prometheus, run directly, no systemd) on a free loopback
/// port with its data in a temp folder, scraping one target; stopped by its PID.</summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private readonly Lock _lock = new();

    private PrometheusServer(Process process, string folder, Uri url)
    {
        _process = process;
        _folder = folder;
        Url = url;
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public Uri Url { get; }

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public string Log
    {
        get
        {
            lock (_lock)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts Prometheus scraping <paramref name="scrapeTarget"/> (host:port) every second,
    /// and waits until it answers.</summary>
    public static async Task<PrometheusServer> StartAsync(string scrapeTarget, IReadOnlyList<string>? ruleFiles = null)
    {
        var folder = Directory.CreateTempSubdirectory("monitoring-prometheus-").FullName;
        var rules = ruleFiles is { Count: > 0 } ? "rule_files:\n" + string.Concat(ruleFiles.Select(f => $"  - '{f}'\n")) : string.Empty;
        var config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            {rules}scrape_configs:
              - job_name: monitoring
                static_configs:
                  - targets: ['{scrapeTarget}']
            """);
        var port = ServiceProcess.FreePort();
        var start = new ProcessStartInfo("prometheus")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var url = new Uri($"http://127.0.0.1:{port}");
        var server = new PrometheusServer(Process.Start(start)!, folder, url);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !server._process.HasExited)
        {
            try
            {
                using var ready = await server.Http.GetAsync(new Uri(url, "/-/ready"));
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        var log = server.Log;
        await server.DisposeAsync();
        throw new InvalidOperationException($"Prometheus did not become ready:\n{log}");
    }

    /// <summary>An instant query through the HTTP API; returns each result's labels and value.</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        var body = await Http.GetStringAsync(new Uri(Url, "/api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"query {promql} failed: {body}");
        }

        return [.. root.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => (
            r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty),
            double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Polls <paramref name="promql"/> until it returns <paramref name="count"/> results or more
    /// (the first samples are queryable a few seconds after the first scrape).</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> WaitForAsync(string promql, int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        List<(Dictionary<string, string>, double)> last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = await QueryAsync(promql);
            if (last.Count >= count)
            {
                return last;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"Prometheus returned {last.Count} of {count} results for {promql}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_lock)
            {
                _log.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        Http.Dispose();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is swept by the OS.
        }
    }
}
