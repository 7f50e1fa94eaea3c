using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>An OTLP receiver (Peers/otlp_receiver.mjs) that decodes every request with OpenTelemetry's own
/// decoder (npm @opentelemetry/otlp-transformer), on two loopback ports: http/protobuf and gRPC.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<JsonElement> _requests = [];
    private readonly StringBuilder _stderr = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<(int Http, int Grpc)> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OtlpReceiver(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_lock)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri HttpEndpoint { get; private set; } = null!;

    public Uri GrpcEndpoint { get; private set; } = null!;

    /// <summary>Every request received so far: <c>protocol</c>, <c>contentType</c>, <c>rejected</c>, <c>request</c> (decoded).</summary>
    public IReadOnlyList<JsonElement> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

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

    /// <summary>Starts the receiver; it refuses the first <paramref name="rejectFirst"/> requests as transient failures.</summary>
    public static async Task<OtlpReceiver> StartAsync(int rejectFirst)
    {
        var tools = Path.Combine(RepositoryPaths.Root, "dashboards", "tools");
        if (!Directory.Exists(Path.Combine(tools, "node_modules", "@opentelemetry", "otlp-transformer")))
        {
            throw new InvalidOperationException("npm package @opentelemetry/otlp-transformer missing: run scripts/install-peers.sh");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "otlp_receiver.mjs"));
        start.ArgumentList.Add(tools);
        start.ArgumentList.Add(rejectFirst.ToString(CultureInfo.InvariantCulture));
        var receiver = new OtlpReceiver(Process.Start(start)!);
        var (http, grpc) = await receiver._ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
        receiver.HttpEndpoint = new Uri($"http://127.0.0.1:{http}/v1/metrics");
        receiver.GrpcEndpoint = new Uri($"http://127.0.0.1:{grpc}");
        return receiver;
    }

    /// <summary>Waits for a request that <paramref name="condition"/> accepts.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var request in Requests)
            {
                if (condition(request))
                {
                    return request;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no matching OTLP request among {Requests.Count} received:\n{Stderr}");
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var element = JsonDocument.Parse(line).RootElement.Clone();
        if (element.TryGetProperty("ready", out var ready))
        {
            _ready.TrySetResult((ready.GetProperty("http").GetInt32(), ready.GetProperty("grpc").GetInt32()));
            return;
        }

        lock (_lock)
        {
            _requests.Add(element);
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

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }
}
