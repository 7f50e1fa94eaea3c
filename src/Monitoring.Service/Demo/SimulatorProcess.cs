using System.Diagnostics;
using System.Text.Json;

namespace Monitoring.Service.Demo;

/// <summary>govmomi's vCenter/ESX simulator, built from Debian's packages and run as a child process.</summary>
/// <remarks>Used by <c>demo</c> and by the integration tests. The build script and the Go source travel
/// beside the assembly (<c>vcsim/</c>), so this works from any working folder. The process is stopped
/// by its PID: SIGTERM first so it removes its temporary datastores, SIGKILL if it lingers.</remarks>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stderr = [];

    private SimulatorProcess(Process process, SimulatorEndpoint endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public SimulatorEndpoint Endpoint { get; }

    public int Pid => _process.Id;

    /// <summary>Builds the simulator when needed (installing Go and govmomi from Debian if missing)
    /// and returns the binary's path. The script's progress goes to our stderr.</summary>
    public static async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "vcsim", "build.sh");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"the simulator build script is missing from {Path.GetDirectoryName(script)}", script);
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var binary = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || binary is null || !File.Exists(binary))
        {
            throw new InvalidOperationException($"building the simulator failed (exit {process.ExitCode}); see the messages above");
        }

        return binary;
    }

    /// <summary>Starts the simulator and waits for the line that says where it listens.</summary>
    public static async Task<SimulatorProcess> StartAsync(string binary, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-listen");
        start.ArgumentList.Add("127.0.0.1:0");
        foreach (var argument in arguments)
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
        timeout.CancelAfter(TimeSpan.FromSeconds(120)); // a 20,000-VM model takes ~30 s to build
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        var endpoint = line is null ? null : JsonSerializer.Deserialize<SimulatorEndpoint>(line, s_json);
        if (endpoint is null)
        {
            Stop(process);
            string detail;
            lock (stderr)
            {
                detail = string.Join(Environment.NewLine, stderr.TakeLast(10));
            }

            process.Dispose();
            throw new InvalidOperationException($"the simulator did not start: {detail}");
        }

        var simulator = new SimulatorProcess(process, endpoint);
        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private static void Stop(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            kill?.WaitForExit();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
