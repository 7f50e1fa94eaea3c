using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Service.Collection;
using Monitoring.Service.Metrics;
using Quartz;

namespace Monitoring.Service.Scheduling;

/// <summary>Keeps one inventory job and one realtime job per configured target, spread over the
/// first-poll window, and the engine's maintenance job.</summary>
internal sealed class TargetScheduler : IHostedService
{
    private const string TargetGroup = "targets";

    private readonly ISchedulerFactory _schedulers;
    private readonly TargetDirectory _targets;
    private readonly ScheduleSettings _schedule;
    private readonly TimeProvider _time;
    private readonly PerformancePass _performance;
    private readonly PrometheusExporter _exporter;
    private readonly CollectorStatus _status;
    private readonly InventoryCatalog _catalog;
    private readonly ILogger<TargetScheduler> _logger;

    public TargetScheduler(
        ISchedulerFactory schedulers,
        TargetDirectory targets,
        Configuration.LoadedConfiguration configuration,
        TimeProvider time,
        PerformancePass performance,
        PrometheusExporter exporter,
        CollectorStatus status,
        InventoryCatalog catalog,
        ILogger<TargetScheduler> logger)
    {
        _schedulers = schedulers;
        _targets = targets;
        _schedule = configuration.Schedule;
        _time = time;
        _performance = performance;
        _exporter = exporter;
        _status = status;
        _catalog = catalog;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var maintenance = JobBuilder.Create<MaintenanceJob>().WithIdentity(MaintenanceJob.Key).Build();
        var trigger = TriggerBuilder.Create()
            .StartAt(_time.GetUtcNow() + TimeSpan.FromMinutes(1))
            .WithSimpleSchedule(s => s.WithInterval(MaintenanceJob.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(maintenance, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
        await SyncAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Makes the jobs match the targets: new targets get jobs, removed ones lose them (and
    /// their metric series), changed ones keep their jobs and pick up the change on their next run.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken, IReadOnlyList<string>? removed = null)
    {
        var scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        foreach (var name in removed ?? [])
        {
            await scheduler.DeleteJob(new JobKey($"inventory:{name}", TargetGroup), cancellationToken).ConfigureAwait(false);
            await scheduler.DeleteJob(new JobKey($"realtime:{name}", TargetGroup), cancellationToken).ConfigureAwait(false);
            _performance.Forget(name);
            _exporter.Forget(name);
            _status.Forget(name);
            _catalog.Forget(name);
            ServiceLog.TargetUnscheduled(_logger, name);
        }

        foreach (var target in _targets.All)
        {
            var inventoryKey = new JobKey($"inventory:{target.Name}", TargetGroup);
            if (await scheduler.Exists(inventoryKey, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var delay = Splay.For(target.Name, _schedule.FirstPollWithin);
            await ScheduleAsync<InventoryJob>(scheduler, inventoryKey, target, delay, _schedule.InventoryInterval, cancellationToken).ConfigureAwait(false);
            await ScheduleAsync<RealtimeJob>(scheduler, new JobKey($"realtime:{target.Name}", TargetGroup), target, delay, _schedule.RealtimeInterval, cancellationToken).ConfigureAwait(false);
            ServiceLog.TargetScheduled(_logger, target.Name, _schedule.InventoryInterval, _schedule.RealtimeInterval, delay);
        }
    }

    private async Task ScheduleAsync<TJob>(IScheduler scheduler, JobKey key, TargetDefinition target, TimeSpan delay, TimeSpan interval, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var job = JobBuilder.Create<TJob>().WithIdentity(key).UsingJobData(InventoryJob.TargetKey, target.Name).Build();

        // A run that could not start on time (the pool was busy, the previous run overran) is not
        // made up in a burst: the next one simply follows the schedule.
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, TargetGroup)
            .StartAt(_time.GetUtcNow() + delay)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
    }
}
