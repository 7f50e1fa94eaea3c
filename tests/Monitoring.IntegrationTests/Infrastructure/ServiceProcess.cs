using System.Globalization;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>The service (<c>monitoring run</c>) as a child process on a free loopback port, stopped by
/// its PID with SIGTERM as systemd would.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();

    private ServiceProcess(Process process, Uri baseUrl, HttpClient? http)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lock)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
    }

    public Uri BaseUrl { get; }

    /// <summary>The client that polled readiness (a test's own when it passed one, e.g. one that trusts its TLS certificate).</summary>
    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>run</c> with <paramref name="config"/> (whose Http:Urls must be <paramref name="baseUrl"/>)
    /// and waits until /readyz answers 200.</summary>
    /// <remarks>A test may pass its own <c>http</c> client (to poll with and keep, e.g. one that trusts its TLS
    /// certificate) and <c>extraArguments</c> after <c>run --config FILE</c>, e.g. <c>--verbose</c>.</remarks>
    public static async Task<ServiceProcess> StartAsync(string workingDirectory, string config, Uri baseUrl, IReadOnlyDictionary<string, string>? environment = null, string? launcher = null, HttpClient? http = null, IReadOnlyList<string>? extraArguments = null)
    {
        // A launcher (a wrapper script) becomes the service's parent process, e.g. one named like a service manager.
        var start = new ProcessStartInfo(launcher ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (launcher is not null)
        {
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Cli.AssemblyPath);
        foreach (var a in new[] { "run", "--config", config }.Concat(extraArguments ?? []))
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, baseUrl, http);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !service.HasExited)
        {
            try
            {
                using var ready = await service.Http.GetAsync(new Uri(baseUrl, "/readyz"));
                if (ready.IsSuccessStatusCode)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        var log = service.Stderr;
        await service.DisposeAsync();
        throw new InvalidOperationException($"the service did not become ready:\n{log}");
    }

    public Task<string> GetAsync(string path) => Http.GetStringAsync(new Uri(BaseUrl, path));

    /// <summary>Sends SIGTERM and waits for a clean exit; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(within);
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"the service did not stop within {within.TotalSeconds} s of SIGTERM:\n{Stderr}");
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(45));
        }
        catch (TimeoutException)
        {
            // Already killed; the test that cared has asserted on StopAsync itself.
        }

        Http.Dispose();
        _process.Dispose();
    }

    /// <summary>Asks <paramref name="condition"/> once a second until it holds; a request the service cannot answer
    /// yet (not listening, 503 while its engine starts, 404 before an object exists) counts as "not yet".</summary>
    /// <exception cref="TimeoutException">Not within <paramref name="within"/>: names <paramref name="what"/> and
    /// carries the service's stderr.</exception>
    public async Task WaitUntilAsync(string what, TimeSpan within, Func<Task<bool>> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not answering yet
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"waited {within.TotalSeconds} s for {what}:\n{Stderr}"));
    }
}
