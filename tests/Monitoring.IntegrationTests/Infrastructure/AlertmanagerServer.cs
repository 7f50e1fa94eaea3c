using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>A real Alertmanager (Debian package prometheus-alertmanager, run directly, no systemd) on a loopback port,
/// single node (no cluster listener), with its storage in a temp folder; stopped by its PID.</summary>
internal sealed class AlertmanagerServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _log = new();
    private readonly Lock _lock = new();

    private AlertmanagerServer(Process process, string folder, Uri url)
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

    /// <summary>Starts Alertmanager on <paramref name="port"/> (a free one when 0) and waits until it is ready.</summary>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="configYaml">Its alertmanager.yml; by default one receiver that sends nowhere (the tests then read
    /// Alertmanager's own alert list).</param>
    public static async Task<AlertmanagerServer> StartAsync(int port = 0, string? configYaml = null)
    {
        var folder = Directory.CreateTempSubdirectory("monitoring-alertmanager-").FullName;
        var config = Path.Combine(folder, "alertmanager.yml");

        await File.WriteAllTextAsync(config, configYaml ?? """
            route:
              receiver: none
            receivers:
              - name: none
            """);
        port = port == 0 ? ServiceProcess.FreePort() : port;
        var start = new ProcessStartInfo("prometheus-alertmanager")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}",
            $"--storage.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var url = new Uri($"http://127.0.0.1:{port}");
        var server = new AlertmanagerServer(Process.Start(start)!, folder, url);
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
        throw new InvalidOperationException($"Alertmanager did not become ready:\n{log}");
    }

    /// <summary>Alertmanager's current (not resolved) alerts: <c>GET /api/v2/alerts</c>, each alert's labels.</summary>
    public async Task<List<Dictionary<string, string>>> AlertsAsync()
    {
        var body = await Http.GetStringAsync(new Uri(Url, "/api/v2/alerts"));
        using var document = JsonDocument.Parse(body);
        return [.. document.RootElement.EnumerateArray().Select(a =>
            a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal))];
    }

    /// <summary>Polls the alert list until <paramref name="done"/> holds for it.</summary>
    public async Task<List<Dictionary<string, string>>> WaitForAsync(Func<List<Dictionary<string, string>>, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        var last = new List<Dictionary<string, string>>();
        while (DateTime.UtcNow < deadline)
        {
            last = await AlertsAsync();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Alertmanager: {what} did not happen within {within.TotalSeconds} s; it holds {last.Count} alerts:\n{Log}");
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
