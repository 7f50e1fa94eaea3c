using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Service;
using Monitoring.Service.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Service.HealthHosting;
using Monitoring.Service.Hosting;
using Monitoring.Service.Metrics;
using Monitoring.Sources.VSphere;
using Monitoring.Storage;

namespace Monitoring.Benchmarks;

/// <summary>The product's side: the service's own wiring (<c>AddMonitoring</c> plus what <c>run</c> adds),
/// a configuration file loaded like the service loads it, and a fresh SQLite database.</summary>
/// <remarks>The scheduler is not started: the bench calls what the jobs call, once each, so the pass runs
/// exactly once and its end is known. The sample flusher runs in the background as it does in <c>run</c>
/// (it writes minute rows as soon as a pass hands them over, while the pass tells its observers); the
/// bench's last step waits until every row is written.</remarks>
internal sealed class OursRun : IAsyncDisposable
{
    private const string TargetName = "bench-vcenter";

    private readonly ServiceProvider _services;
    private readonly TargetDefinition _target;

    private OursRun(ServiceProvider services, TargetDefinition target)
    {
        _services = services;
        _target = target;
    }

    public string DatabasePath => _services.GetRequiredService<MonitoringDatabase>().Location;

    /// <summary>Wires the service against the simulator and migrates a new database in <paramref name="folder"/>.
    /// With <paramref name="capture"/> (the capture run only), every request sent is copied into it.</summary>
    public static async Task<OursRun> CreateAsync(string folder, Uri url, string thumbprint, List<CapturedRequest>? capture, CancellationToken cancellationToken)
    {
        var configFile = Path.Combine(folder, "monitoring.json");
        await File.WriteAllTextAsync(configFile, JsonSerializer.Serialize(new
        {
            Monitoring = new
            {
                Storage = new { Provider = "Sqlite", ConnectionString = "Data Source=monitoring.db" },
                Targets = new[]
                {
                    new { Name = TargetName, Kind = "vSphere", Address = url.ToString(), Username = "bench", Password = "bench", Thumbprint = thumbprint },
                },
            },
        }), cancellationToken).ConfigureAwait(false);

        // No environment: a Monitoring__ variable in the caller's shell must not change what is measured.
        var configuration = ConfigurationLoader.Load(configFile, new Dictionary<string, string?>());
        var services = new ServiceCollection()
            .AddMonitoring(configuration, new LogSettings(LogLevel.Warning, Json: false))
            .AddMonitoringService(configuration);
        services.AddSingleton(sp => new RequestCounter(sp.GetRequiredService<PrometheusExporter>()));
        services.AddSingleton<IRequestRecorder>(sp => sp.GetRequiredService<RequestCounter>());
        if (capture is not null)
        {
            services.AddSingleton(sp => new VSphereSessionPool(
                sp.GetRequiredService<ILogger<VSphereSessionPool>>(),
                sp.GetRequiredService<IRequestRecorder>(),
                (target, policy) => new CaptureHandler(VSphereSessionPool.DefaultHandler(target, policy), capture)));
        }

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<MonitoringDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        await provider.GetRequiredService<SampleFlushService>().StartAsync(cancellationToken).ConfigureAwait(false);

        // The health model too, as in `run`: each pass hands it the inventory and the samples, and its queue holds
        // them until it has judged them (not started, it held every pass's samples and did none of that work).
        await HealthOf(provider).StartAsync(cancellationToken).ConfigureAwait(false);
        return new OursRun(provider, configuration.Targets.Single());
    }

    /// <summary>What the inventory job, the realtime job and the sample flusher each do once, in that order.</summary>
    /// <returns>The SOAP requests sent, per method, and what each step took.</returns>
    public async Task<(IReadOnlyDictionary<string, int> Requests, IReadOnlyList<StageTiming> Stages)> RunAsync(CancellationToken cancellationToken)
    {
        var counter = _services.GetRequiredService<RequestCounter>();
        var before = new Dictionary<string, int>(counter.ByMethod, StringComparer.Ordinal);
        var (inventory, inventoryTiming) = await StageTiming.MeasureAsync("inventory pass (read, store)", () => _services.GetRequiredService<InventoryPass>().CollectOneAsync(_target, cancellationToken)).ConfigureAwait(false);
        if (!inventory.Succeeded)
        {
            throw new InvalidOperationException($"the inventory pass failed: {inventory.Error}");
        }

        var (realtime, realtimeTiming) = await StageTiming.MeasureAsync("realtime pass (read, aggregate)", () => _services.GetRequiredService<PerformancePass>().RunAsync(_target, cancellationToken)).ConfigureAwait(false);
        if (!realtime.Succeeded)
        {
            throw new InvalidOperationException($"the realtime pass failed: {realtime.Error}");
        }

        // The flusher has been writing since the realtime pass handed the rows over; this waits for the rest.
        var (flushed, flushTiming) = await StageTiming.MeasureAsync("sample flush (rest of the write)", () => _services.GetRequiredService<SampleFlushService>().FlushAsync(cancellationToken)).ConfigureAwait(false);
        if (!flushed)
        {
            throw new InvalidOperationException("the database refused the samples");
        }

        // The health model judges the pass's inventory and samples on its own loop, as in the service; its work is
        // part of what a pass costs, so the step waits for it.
        var (_, healthTiming) = await StageTiming.MeasureAsync("health model (rest of its work)", async () =>
        {
            await HealthOf(_services).QueuedWorkDoneAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

        // This pass's requests only: the counter runs for the life of the process, as the service's does.
        var requests = counter.ByMethod
            .Select(kv => (kv.Key, Count: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(m => m.Count > 0)
            .ToDictionary(m => m.Key, m => m.Count, StringComparer.Ordinal);
        return (requests, [inventoryTiming, realtimeTiming, flushTiming, healthTiming]);
    }

    private static HealthService HealthOf(IServiceProvider services) => services.GetRequiredService<HealthService>();

    /// <summary>What the database holds after the pass, to show the work was really done.</summary>
    public async Task<string> DescribeStoredAsync(CancellationToken cancellationToken)
    {
        await using var context = _services.GetRequiredService<MonitoringDatabase>().CreateContext();
        var hosts = await context.Hosts.CountAsync(cancellationToken).ConfigureAwait(false);
        var vms = await context.Vms.CountAsync(cancellationToken).ConfigureAwait(false);
        var clusters = await context.Clusters.CountAsync(cancellationToken).ConfigureAwait(false);
        var minutes = await context.MinuteSamples.CountAsync(cancellationToken).ConfigureAwait(false);
        var objects = await context.MinuteSamples.Select(s => s.ObjectId).Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        return $"{clusters} clusters, {hosts} hosts, {vms} VMs; {minutes} minute samples of {objects} objects";
    }

    /// <summary>Stops the flusher, logs out of the simulator (the pool's dispose) and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<SampleFlushService>().StopAsync(CancellationToken.None).ConfigureAwait(false);
        await HealthOf(_services).StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
