using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Monitoring.Benchmarks;

/// <summary>The vCenter simulator as a child process, started with a model and stopped by its PID.</summary>
/// <remarks>Not the service's own <c>SimulatorProcess</c>: that one gives up after 120 s, and a
/// 20,000-VM model on a busy two-core machine can take longer to build.</remarks>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(180);
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;

    private SimulatorHost(Process process, Uri url, string thumbprint)
    {
        _process = process;
        Url = url;
        Thumbprint = thumbprint;
    }

    public Uri Url { get; }

    /// <summary>SHA-256 of the simulator's certificate, <c>AB:CD:...</c>.</summary>
    public string Thumbprint { get; }

    public int Pid => _process.Id;

    /// <summary>The simulator's own CPU time so far (user plus system), from <c>/proc/PID/stat</c>.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            // Fields 14 and 15 (utime, stime) in clock ticks; the command name (field 2) may hold spaces, so count from its ')'.
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100d); // USER_HZ is 100 on Linux
        }
    }

    public static async Task<SimulatorHost> StartAsync(string binary, IReadOnlyList<string> model, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-listen");
        start.ArgumentList.Add("127.0.0.1:0");
        foreach (var argument in model)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {binary}");
        var stderr = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        Endpoint? endpoint = null;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            endpoint = line is null ? null : JsonSerializer.Deserialize<Endpoint>(line, s_json);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported below with the simulator's last words.
        }

        if (endpoint is null)
        {
            var host = new SimulatorHost(process, new Uri("http://127.0.0.1/"), string.Empty);
            await host.DisposeAsync().ConfigureAwait(false);
            string detail;
            lock (stderr)
            {
                detail = string.Join(Environment.NewLine, stderr.TakeLast(10));
            }

            throw new InvalidOperationException($"the simulator did not report its address within {s_startTimeout.TotalSeconds:0} s: {detail}");
        }

        return new SimulatorHost(process, endpoint.Url, endpoint.Thumbprint);
    }

    /// <summary>SIGTERM by PID (the simulator then removes its temporary datastores), SIGKILL if it lingers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
            {
                if (kill is not null)
                {
                    await kill.WaitForExitAsync().ConfigureAwait(false);
                }
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        _process.Dispose();
    }

    private sealed record Endpoint(Uri Url, string Thumbprint);
}
