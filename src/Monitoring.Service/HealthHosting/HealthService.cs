using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Model;
using Monitoring.HealthModel;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Collection;
using Monitoring.Service.Configuration;
using Monitoring.Service.Metrics;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Service.HealthHosting;

/// <summary>The health engine inside the running service: built from the stored inventory at start, fed by every
/// pass (poll outcomes to availability, realtime samples to thresholds, inventory to source status and the tree),
/// ticked on a timer so that time-driven states (a target failing long enough, data gone stale) change on their own.</summary>
/// <remarks>Alerts and maintenance windows live in the database, so a restart reads them back: an open alert is
/// found again by its object and monitor and counted, never duplicated. A failure here is logged and never reaches
/// the pass that reported: collection carries on whatever the health model does. Passes only queue their data: the
/// engine writes alerts and history to the database, and a locked or unreachable database must hold up health, never
/// collection (the samples have their own buffer). The queue is bounded; when it is full the oldest work is dropped and
/// counted in the log.</remarks>
internal sealed class HealthService : BackgroundService, IPassObserver
{
    /// <summary>How often time-driven checks run; well inside the two minutes an unreachable target has to alert.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(5);

    /// <summary>Queued passes before the oldest is dropped: at one item per target and pass, minutes of a stalled database.</summary>
    private const int QueueCapacity = 4096;

    private static readonly HashSet<string> s_thresholdMetrics = [PerformanceMetric.CpuUsage, PerformanceMetric.MemoryUsage];

    private readonly HealthConfiguration _configuration;
    private readonly InventoryReader _inventory;
    private readonly EfStateChangeStore _history;
    private readonly EfAlertStore _alerts;
    private readonly IMaintenanceWindowStore _windows;
    private readonly TimeProvider _time;
    private readonly ILogger<HealthService> _logger;
    private readonly HealthTopologyFactory _factory;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InventorySnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ObjectId, string Metric), DateTimeOffset> _lastSample = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<HealthEngine> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<HealthWork> _queue;
    private long _dropped;
    private readonly MaintenanceMetrics _maintenanceMetrics;
    private HealthEngine? _engine;
    private IReadOnlyList<MonitorOverride> _placed = [];

    public HealthService(
        LoadedConfiguration configuration,
        InventoryReader inventory,
        EfStateChangeStore history,
        EfAlertStore alerts,
        EfMaintenanceWindowStore windows,
        MaintenanceMetrics maintenanceMetrics,
        TimeProvider time,
        ILogger<HealthService> logger)
    {
        _maintenanceMetrics = maintenanceMetrics;
        _configuration = configuration.Health;
        _inventory = inventory;
        _history = history;
        _alerts = alerts;
        _windows = new ConfiguredMaintenanceWindowStore(windows, _configuration.MaintenanceWindows);
        _time = time;
        _logger = logger;
        _factory = new HealthTopologyFactory(_configuration, [.. configuration.Targets.Select(t => t.Name)]);
        _queue = Channel.CreateBounded<HealthWork>(
            new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => HealthLog.Dropped(_logger, dropped.Step, Interlocked.Increment(ref _dropped)));
    }

    /// <summary>The windows the engine honours (configured and stored).</summary>
    public IMaintenanceWindowStore Windows => _windows;

    /// <summary>The engine, once built (at start, before the first poll).</summary>
    public HealthEngine? Engine => _engine;

    /// <summary>Completes once the work queued before this call (passes' results, ticks) is done: what a pass
    /// costs the health model, for the benchmark, and a point to assert at for tests.</summary>
    public Task QueuedWorkDoneAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Post("queued work marker", _ => done.TrySetResult());
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits until the engine is built.</summary>
    public Task<HealthEngine> ReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Built before the scheduler starts (this service is registered ahead of it), so no pass finds it missing.
        var stored = await _inventory.ReadAsync(includeGone: false, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            foreach (var snapshot in HealthTopologyFactory.FromStored(stored))
            {
                _snapshots[snapshot.Target] = snapshot;
                _shapes[snapshot.Target] = HealthTopologyFactory.ShapeOf(snapshot);
                RememberNames(snapshot);
            }

            var (topology, settings) = _factory.Build(_snapshots.Values);
            WarnUnplaced();
            _engine = new HealthEngine(settings, topology, _history, _alerts, _windows, _configuration.Catalog(), _time);
            _placed = settings.Overrides;
            RecordAllStatus(_engine);

            var open = _alerts.Query(new AlertQuery(true, null, null, null, 0, 1)).Total;
            HealthLog.Started(_logger, topology.Objects.Count, open);
        }

        Flush();
        PublishMaintenance(_engine!);
        _ready.TrySetResult(_engine!);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ticks = TickAsync(stoppingToken);
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Guard(work.Step, work.Apply);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: what is still queued is done below, then the history is written
        }

        await ticks.ConfigureAwait(false);
        while (_queue.Reader.TryRead(out var work))
        {
            Guard(work.Step, work.Apply);
        }

        Flush();
    }

    /// <summary>Queues the time-driven checks, in line with the passes' work so that they never run side by side.</summary>
    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Post("tick", engine =>
                {
                    engine.Tick();
                    PublishMaintenance(engine);
                });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public void OnInventory(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Post("inventory of " + snapshot.Target, engine =>
        {
            lock (_gate)
            {
                _snapshots[snapshot.Target] = snapshot;
                RememberNames(snapshot);
                var shape = HealthTopologyFactory.ShapeOf(snapshot);
                if (!_shapes.TryGetValue(snapshot.Target, out var before) || before != shape)
                {
                    _shapes[snapshot.Target] = shape;
                    Rebuild(engine);
                }
            }

            // A first pass turns every object's monitors from unknown to healthy: one read of the open alerts
            // instead of one per monitor when each looks for an alert to resolve.
            var current = _engine ?? engine;
            using (current.Alerts.KnowOpenAlerts())
            using (current.DeferRollup())
            {
                RecordStatus(current, snapshot);
            }
        });
    }

    public void OnRealtime(PerformanceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Post("realtime samples of " + batch.Target, engine =>
        {
            using var knownAlerts = engine.Alerts.KnowOpenAlerts();
            using var rollupOnce = engine.DeferRollup();
            engine.RecordHeartbeat(HealthTopologyBuilder.TargetNodeId(batch.Target));

            // Sources may hand samples newest first and repeat the last ones of the previous pass: feed each
            // series' new samples once, oldest first, as the consecutive-sample count expects. One look-up per
            // sample and one sort, not a group per series (a pass over 20,000 VMs brings 380,000 samples).
            List<PerformanceSample> fresh;
            lock (_gate)
            {
                var newer = new List<PerformanceSample>();
                foreach (var sample in batch.Samples)
                {
                    if (s_thresholdMetrics.Contains(sample.Metric)
                        && sample.Timestamp > _lastSample.GetValueOrDefault((sample.ObjectId, sample.Metric), DateTimeOffset.MinValue))
                    {
                        newer.Add(sample);
                    }
                }

                // Stable, so samples stamped alike keep the source's order. The watermark moves as the sorted samples
                // are taken, so a sample listed twice in one batch counts once.
                fresh = new List<PerformanceSample>(newer.Count);
                foreach (var sample in newer.OrderBy(s => s.Timestamp))
                {
                    ref var last = ref CollectionsMarshal.GetValueRefOrAddDefault(_lastSample, (sample.ObjectId, sample.Metric), out _);
                    if (sample.Timestamp > last)
                    {
                        last = sample.Timestamp;
                        fresh.Add(sample);
                    }
                }
            }

            foreach (var sample in fresh)
            {
                engine.RecordSample(sample.ObjectId, sample.Metric, sample.Value);
            }
        });
    }

    public void OnOutcome(PassOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Post("outcome of " + outcome.Target, engine =>
        {
            // A target added by a live reload has no node until its first inventory: give it one now, so a target
            // that never answers is judged (VirtTargetUnreachable) like one configured from the start.
            if (engine.Find(HealthTopologyBuilder.TargetNodeId(outcome.Target)) is null)
            {
                lock (_gate)
                {
                    if (_factory.AddTarget(outcome.Target))
                    {
                        Rebuild(engine);
                    }
                }

                engine = _engine ?? engine;
            }

            if (outcome.Failure is { } failure)
            {
                engine.RecordPollFailed(outcome.Target, failure, outcome.Error ?? failure.ToString());
            }
            else
            {
                engine.RecordPollSucceeded(outcome.Target);
            }
        });
    }

    /// <summary>The name an object goes by: the inventory's name, a host group's or target's name, "estate".</summary>
    public string NameOf(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        lock (_gate)
        {
            if (_names.TryGetValue(objectId, out var name))
            {
                return name;
            }
        }

        var colon = objectId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !objectId.Contains('/', StringComparison.Ordinal) ? objectId[(colon + 1)..] : objectId;
    }

    /// <summary>The name of an object the health model knows (inventory, host group, target, estate), or null for
    /// anything else: for showing names beside ids that may not be ids at all (a tip's action parameters).</summary>
    public string? KnownNameOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            if (_names.TryGetValue(id, out var name))
            {
                return name;
            }
        }

        return _engine?.Find(id) is not null ? NameOf(id) : null;
    }

    private void RememberNames(InventorySnapshot snapshot)
    {
        foreach (var (id, name) in snapshot.Clusters.Select(c => (c.Id, c.Name)).Concat(snapshot.Hosts.Select(h => (h.Id, h.Name)))
            .Concat(snapshot.Vms.Select(v => (v.Id, v.Name))).Concat(snapshot.Datastores.Select(d => (d.Id, d.Name))))
        {
            _names[id] = name;
        }
    }

    /// <summary>Feeds every stored snapshot to a new engine, as one pass's work.</summary>
    private void RecordAllStatus(HealthEngine engine)
    {
        using var knownAlerts = engine.Alerts.KnowOpenAlerts();
        using var rollupOnce = engine.DeferRollup();
        foreach (var snapshot in _snapshots.Values)
        {
            RecordStatus(engine, snapshot);
        }
    }

    /// <summary>Feeds a snapshot's reported states; callers defer the rollup around it (one evaluation per object).</summary>
    private static void RecordStatus(HealthEngine engine, InventorySnapshot snapshot)
    {
        foreach (var host in snapshot.Hosts)
        {
            engine.RecordSourceStatus(host.Id, host.Health);
        }

        foreach (var vm in snapshot.Vms.Where(v => !v.IsTemplate))
        {
            engine.RecordSourceStatus(vm.Id, vm.Health);
        }

        foreach (var cluster in snapshot.Clusters)
        {
            engine.RecordSourceStatus(cluster.Id, cluster.Health);
        }

        foreach (var datastore in snapshot.Datastores)
        {
            engine.RecordSourceStatus(datastore.Id, datastore.Health);
            if (datastore is { CapacityBytes: > 0, FreeBytes: >= 0 })
            {
                engine.RecordSample(datastore.Id, StandardMonitors.DatastoreFreeRatio, (double)datastore.FreeBytes.Value / datastore.CapacityBytes.Value);
            }
        }
    }

    private void Rebuild(HealthEngine engine)
    {
        var (topology, settings) = _factory.Build(_snapshots.Values);
        WarnUnplaced();
        try
        {
            if (settings.Overrides.SequenceEqual(_placed))
            {
                engine.UseTopology(topology);
                return;
            }

            // An override's object appeared or went: the engine takes its settings once, so it is built anew. Monitor
            // states start again from unknown; alerts are in the database and are found again, not duplicated.
            _engine = new HealthEngine(settings, topology, _history, _alerts, _windows, _configuration.Catalog(), _time);
            _placed = settings.Overrides;
            RecordAllStatus(_engine);
        }
        catch (HealthSettingsException e)
        {
            HealthLog.TopologyRefused(_logger, string.Join("; ", e.Errors));
        }
    }

    private void WarnUnplaced()
    {
        foreach (var line in _factory.Unplaced)
        {
            if (_warned.Add(line))
            {
                HealthLog.Unplaced(_logger, line);
            }
        }
    }

    private void Post(string step, Action<HealthEngine> action) => _queue.Writer.TryWrite(new HealthWork(step, action));

    /// <summary>Publishes <c>virt_object_in_maintenance</c>: the objects in a window now (windows start and end between
    /// ticks, so the set is rebuilt each tick, from the store's cached windows).</summary>
    private void PublishMaintenance(HealthEngine engine) =>
        _maintenanceMetrics.Publish(engine.Objects().Where(o => engine.Maintenance.StatusOf(o.Id).InMaintenance));

    private void Guard(string step, Action<HealthEngine> action)
    {
        if (_engine is not { } engine)
        {
            return;
        }

        try
        {
            action(engine);
            _history.Flush();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            HealthLog.Failed(_logger, step, e.Message);
            HealthLog.FailedDetails(_logger, e, step);
        }
    }

    private void Flush()
    {
        try
        {
            _history.Flush();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            HealthLog.Failed(_logger, "storing the state history", e.Message);
        }
    }
}
