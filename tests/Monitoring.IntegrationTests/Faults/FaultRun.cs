using System.Diagnostics;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Demo;
using Xunit;

namespace Monitoring.IntegrationTests.Faults;

/// <summary><c>monitoring run</c> with a fast schedule, the <see cref="HealthyTarget"/> on a simulator of its
/// own, and the targets a fault test puts in trouble. Everything it starts it stops by PID.</summary>
internal sealed class FaultRun : IAsyncDisposable
{
    /// <summary>A small vCenter: 1 cluster of 2 hosts, 1 standalone host, 4 VMs.</summary>
    public static readonly string[] SmallModel = ["-dc", "1", "-cluster", "1", "-host", "2", "-standalone-host", "1", "-vm", "2", "-ds", "1"];

    private readonly object _schedule;
    private readonly Uri _url;
    private IReadOnlyList<Dictionary<string, object?>> _targets = [];
    private ServiceProcess? _service;

    private FaultRun(SimulatorProcess healthySimulator, object schedule)
    {
        HealthySimulator = healthySimulator;
        _schedule = schedule;
        _url = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
    }

    public SimulatorProcess HealthySimulator { get; }

    public HealthyTarget Healthy { get; } = new();

    public Workspace Workspace { get; } = new();

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("not started");

    public string DatabasePath => Path.Combine(Workspace.Directory, "data", "monitoring.db");

    /// <summary>A vSphere target at <paramref name="address"/>, pinned to <paramref name="thumbprint"/>.</summary>
    public static Dictionary<string, object?> Target(string name, Uri address, string thumbprint, int timeoutSeconds) => new()
    {
        ["Name"] = name,
        ["Kind"] = "vSphere",
        ["Address"] = address.ToString(),
        ["Username"] = Simulator.User,
        ["Password"] = Simulator.Password,
        ["Thumbprint"] = thumbprint,
        ["TimeoutSeconds"] = timeoutSeconds,
    };

    /// <summary>Starts the healthy target's simulator and the service with it and <paramref name="targets"/>.</summary>
    /// <param name="schedule">The <c>Monitoring:Schedule</c> section, e.g. <c>new { FirstPollWithinSeconds = 1, ... }</c>.</param>
    /// <param name="targets">The targets besides the healthy one (see <see cref="Target"/>).</param>
    public static async Task<FaultRun> StartAsync(object schedule, params Dictionary<string, object?>[] targets)
    {
        var simulator = await Simulator.StartAsync(SmallModel);
        var run = new FaultRun(simulator, schedule);
        try
        {
            run.WriteTargets(targets);
            run._service = await ServiceProcess.StartAsync(run.Workspace.Directory, run.Workspace.ConfigPath, run._url);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes the configuration with the healthy target and <paramref name="targets"/>; a running
    /// service picks the change up by itself.</summary>
    public void WriteTargets(params Dictionary<string, object?>[] targets)
    {
        _targets = targets;
        Workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new { Urls = _url.ToString().TrimEnd('/') },
                Schedule = _schedule,
                Targets = new[] { Workspace.Target(HealthyTarget.Name, HealthySimulator) }.Concat(_targets).ToArray(),
            },
        });
    }

    /// <summary>Scrapes /metrics; every scrape is also a check of the healthy target.</summary>
    public async Task<ServiceMetrics> ScrapeAsync()
    {
        if (Service.HasExited)
        {
            Assert.Fail($"the service exited:\n{LogTail()}");
        }

        var metrics = new ServiceMetrics(await Service.GetAsync("/metrics"));
        Healthy.Observe(metrics);
        return metrics;
    }

    /// <summary>Scrapes until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="within"/>.</summary>
    public async Task<ServiceMetrics> WaitForAsync(string what, TimeSpan within, Func<ServiceMetrics, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        ServiceMetrics last;
        while (true)
        {
            last = await ScrapeAsync();
            if (condition(last))
            {
                return last;
            }

            if (clock.Elapsed > within)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{what}: not within {within.TotalSeconds:0} s\n--- collector metrics ---\n{CollectorLines(last)}\n--- service log (tail) ---\n{LogTail()}");
        return last;
    }

    /// <summary>The healthy target was collected all along (checked on every scrape) and its last success
    /// moved on since <see cref="HealthyTarget.Begin"/>; no pass of it failed since; the service is alive.</summary>
    public async Task AssertHealthyAsync()
    {
        var metrics = await WaitForAsync("the healthy target's last realtime success moving on", TimeSpan.FromSeconds(30), _ => Healthy.Advanced);
        Assert.True(Healthy.Observed > 0);
        Assert.Empty(Healthy.ErrorsSinceBegin(metrics));
        await AssertAliveAsync();
    }

    /// <summary>Every failure of <paramref name="target"/> was one the collector recognised and named, none
    /// a crash caught by the pass's last-resort handler.</summary>
    public void AssertNoCrash(string target) =>
        Assert.DoesNotContain($"Target {target}: the pass stopped on an unexpected error", Service.Stderr, StringComparison.Ordinal);

    /// <summary>The log lines about <paramref name="target"/> that contain <paramref name="text"/>.</summary>
    public IEnumerable<string> LogLines(string target, string text) =>
        Service.Stderr.Split('\n').Where(l => l.Contains($"Target {target}", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));

    /// <summary>The service runs and answers /healthz with 200.</summary>
    public async Task AssertAliveAsync()
    {
        Assert.False(Service.HasExited, LogTail());
        using var health = await Service.Http.GetAsync(new Uri(Service.BaseUrl, "/healthz"));
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>Stops the service with SIGTERM; returns its exit code.</summary>
    public Task<int> StopAsync() => Service.StopAsync(TimeSpan.FromSeconds(40));

    public string LogTail(int lines = 60) =>
        _service is null ? string.Empty : string.Join('\n', _service.Stderr.Split('\n').TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await HealthySimulator.DisposeAsync();
        Workspace.Dispose();
    }

    private static string CollectorLines(ServiceMetrics metrics) =>
        string.Join('\n', metrics.Text.Split('\n').Where(l => l.StartsWith("virt_collector_", StringComparison.Ordinal) || l.StartsWith("virt_storage_", StringComparison.Ordinal)));
}
