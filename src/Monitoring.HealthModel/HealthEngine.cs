using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using ReportedHealth = Monitoring.Core.Model.Health;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Monitors;
using Monitoring.HealthModel.Rollup;
using Monitoring.HealthModel.Settings;
using Monitoring.HealthModel.Storage;

namespace Monitoring.HealthModel;

/// <summary>The health engine: feeds collected data to unit monitors, keeps the state history, rolls health up
/// the tree, raises and resolves alerts, and honours maintenance windows.</summary>
/// <remarks>
/// Inputs carry no time: the engine reads its <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// Call <see cref="Tick"/> periodically (every few seconds): it runs the time-driven checks (heartbeats, a target
/// failing for long enough), ends flapping, and raises alerts held back by a maintenance window that has ended.
/// Thread-safe: every call takes one lock; the work per call is small (one object and its ancestors).
/// </remarks>
public sealed class HealthEngine
{
    private readonly Lock _gate = new();
    private readonly HealthSettings _settings;
    private readonly TimeProvider _time;
    private readonly IStateChangeStore _history;
    private readonly Dictionary<(string ObjectId, string Monitor), MonitorEntry> _monitors = [];
    private readonly Dictionary<string, DateTimeOffset> _rolledSince = new(StringComparer.Ordinal);
    private HealthTopology _topology;
    private SettingsResolver _resolver;
    private HealthRollup _rollup;
    private int _rollupDeferrals;
    private DateTimeOffset _unsettledAt;

    /// <exception cref="HealthSettingsException">A monitor or an override cannot work on this tree.</exception>
    public HealthEngine(
        HealthSettings settings,
        HealthTopology topology,
        IStateChangeStore history,
        IAlertStore alerts,
        IMaintenanceWindowStore maintenance,
        ResolutionStateCatalog resolutionStates,
        TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _history = history;
        _topology = topology;
        _resolver = new SettingsResolver(settings, topology);
        _rollup = new HealthRollup(topology, settings.Rollup);
        Alerts = new AlertTracker(alerts, resolutionStates, time);
        Maintenance = new MaintenanceSchedule(maintenance, topology, time);
        CreateClockDrivenMonitors();
    }

    public AlertTracker Alerts { get; }

    /// <summary>Holds the rollup back until the returned scope ends, then rolls up each touched object and its
    /// ancestors once. For a pass's work: its many monitor changes then cost one evaluation per object, and the
    /// history records each object's rolled-up change over the whole pass (not every step in between).</summary>
    /// <remarks>Scopes nest; the outermost one settles. Reading an object's health inside a scope settles first,
    /// so a reader never sees a stale rollup.</remarks>
    public IDisposable DeferRollup()
    {
        lock (_gate)
        {
            _rollupDeferrals++;
        }

        return new RollupDeferral(this);
    }

    public MaintenanceSchedule Maintenance { get; }

    /// <summary>A metric sample of an object (a ratio 0-1 for usage metrics): threshold monitors on that metric.</summary>
    public void RecordSample(string objectId, string metric, double value)
    {
        lock (_gate)
        {
            // Not MonitorsFor: this runs for every sample (hundreds of thousands a pass), so no iterator or closure.
            if (_topology.Find(objectId) is not { } obj)
            {
                return; // not in the tree (yet): nothing to judge it against
            }

            var now = _time.GetUtcNow();
            foreach (var definition in _resolver.ThresholdMonitors(obj.Kind, metric))
            {
                if (Entry(objectId, definition) is { } entry)
                {
                    Apply(entry, ((ThresholdMonitor)entry.Monitor).Observe(value, now));
                }
            }
        }
    }

    public void RecordPollSucceeded(string target)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in MonitorsFor(HealthTopologyBuilder.TargetNodeId(target), MonitorKind.Availability))
            {
                Apply(entry, ((AvailabilityMonitor)entry.Monitor).PollSucceeded(now));
            }
        }
    }

    public void RecordPollFailed(string target, FailureKind kind, string reason)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in MonitorsFor(HealthTopologyBuilder.TargetNodeId(target), MonitorKind.Availability))
            {
                Apply(entry, ((AvailabilityMonitor)entry.Monitor).PollFailed(kind, reason, now));
            }
        }
    }

    /// <summary>The object reported in (for a target: realtime data arrived).</summary>
    public void RecordHeartbeat(string objectId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in MonitorsFor(objectId, MonitorKind.Heartbeat))
            {
                Apply(entry, ((HeartbeatMonitor)entry.Monitor).Beat(now));
            }
        }
    }

    /// <summary>The state the source reports for the object (from the inventory: vSphere <c>overallStatus</c>, Hyper-V <c>HealthState</c>).</summary>
    public void RecordSourceStatus(string objectId, ReportedHealth reported)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in MonitorsFor(objectId, MonitorKind.SourceStatus))
            {
                Apply(entry, ((SourceStatusMonitor)entry.Monitor).Observe(reported, now));
            }
        }
    }

    /// <summary>Runs the checks that depend on time alone. Call it every few seconds.</summary>
    public void Tick()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var entry in _monitors.Values.ToList())
            {
                Apply(entry, entry.Monitor.Evaluate(now));
                if (entry.Flapping.IsFlapping && !entry.Flapping.Update(now))
                {
                    Show(entry, now, "stopped flapping");
                }

                if (entry.AlertHeldBack && !Maintenance.StatusOf(entry.Monitor.ObjectId, now).InMaintenance)
                {
                    entry.AlertHeldBack = false;
                    UpdateAlert(entry, "maintenance ended while the monitor was still " + HealthStates.ContractName(entry.Shown), MaintenanceStatus.None);
                }
            }
        }
    }

    /// <summary>Raises an alert from a rule (an event on the connector feed, a source's triggered alarm):
    /// repeats count on the open alert; a maintenance window holds it back.</summary>
    public AlertRaiseResult RaiseAlert(AlertRequest request)
    {
        lock (_gate)
        {
            var maintenance = Maintenance.StatusOf(request.ObjectId);
            return maintenance.InMaintenance
                ? new AlertRaiseResult(null, maintenance.Describe())
                : new AlertRaiseResult(Alerts.Raise(request), null);
        }
    }

    /// <summary>Whether automatic remediation may act on the object now: not while it (or anything above it) is in maintenance.</summary>
    public RemediationGate RemediationFor(string objectId)
    {
        var maintenance = Maintenance.StatusOf(objectId);
        return maintenance.InMaintenance ? new RemediationGate(true, $"automatic remediation is blocked: {maintenance.Describe()}") : RemediationGate.Open;
    }

    public ObjectHealthView HealthOf(string objectId)
    {
        lock (_gate)
        {
            var monitors = _monitors.Values
                .Where(e => e.Monitor.ObjectId == objectId)
                .OrderBy(e => e.Definition.Name, StringComparer.Ordinal)
                .Select(e => new MonitorView(e.Definition.Name, e.Definition.DisplayName, e.Monitor.State, e.Shown, e.Monitor.Since, e.Flapping.IsFlapping))
                .ToList();
            SettleRollup();
            return new ObjectHealthView(objectId, _rollup.Get(objectId), Maintenance.StatusOf(objectId), monitors);
        }
    }

    /// <summary>Every object of the health tree now.</summary>
    public IReadOnlyList<HealthObject> Objects()
    {
        lock (_gate)
        {
            return [.. _topology.Objects];
        }
    }

    /// <summary>The object of the health tree with this id, or null.</summary>
    public HealthObject? Find(string objectId)
    {
        lock (_gate)
        {
            return _topology.Find(objectId);
        }
    }

    /// <summary>When the object's rolled-up state last changed (null: not since the engine started).</summary>
    public DateTimeOffset? RolledSince(string objectId)
    {
        lock (_gate)
        {
            SettleRollup();
            return _rolledSince.TryGetValue(objectId, out var at) ? at : null;
        }
    }

    public IReadOnlyList<StateChange> History(string? objectId, DateTimeOffset from, int max = 1000) => _history.Query(objectId, from, max);

    /// <summary>Takes a new health tree (the inventory changed): settings are checked again, monitors keep their
    /// state, threshold monitors take their settings for the new place of their object.</summary>
    /// <exception cref="HealthSettingsException">An override no longer fits the tree; the old tree stays in use.</exception>
    public void UseTopology(HealthTopology topology)
    {
        lock (_gate)
        {
            var resolver = new SettingsResolver(_settings, topology);
            SettleRollup(); // changes so far are recorded against the tree they happened in
            _topology = topology;
            _resolver = resolver;
            _rollup = new HealthRollup(topology, _settings.Rollup);
            Maintenance.UseTopology(topology);
            foreach (var entry in _monitors.Values)
            {
                if (entry.Monitor is ThresholdMonitor threshold)
                {
                    var effective = _resolver.Resolve(entry.Definition, threshold.ObjectId);
                    if (effective.Thresholds != threshold.Settings && effective.Thresholds is not null)
                    {
                        threshold.Reconfigure(effective.Thresholds);
                    }
                }

                _rollup.SetMonitor(entry.Monitor.ObjectId, entry.Definition.Name, entry.Shown);
            }

            CreateClockDrivenMonitors();
        }
    }

    private void CreateClockDrivenMonitors()
    {
        foreach (var obj in _topology.Objects)
        {
            foreach (var definition in _resolver.Monitors.Where(d => d.Kind is MonitorKind.Heartbeat or MonitorKind.Availability && d.AppliesTo == obj.Kind))
            {
                _ = Entry(obj.Id, definition);
            }
        }
    }

    private IEnumerable<MonitorEntry> MonitorsFor(string objectId, MonitorKind kind, Func<MonitorDefinition, bool>? filter = null)
    {
        var obj = _topology.Find(objectId);
        if (obj is null)
        {
            yield break; // not in the tree (yet): nothing to judge it against
        }

        foreach (var definition in _resolver.Monitors)
        {
            if (definition.Kind == kind && definition.AppliesTo == obj.Kind && (filter is null || filter(definition)) && Entry(objectId, definition) is { } entry)
            {
                yield return entry;
            }
        }
    }

    private MonitorEntry? Entry(string objectId, MonitorDefinition definition)
    {
        if (_monitors.TryGetValue((objectId, definition.Name), out var entry))
        {
            return entry;
        }

        var effective = _resolver.Resolve(definition, objectId);
        if (!effective.Enabled)
        {
            return null;
        }

        UnitMonitor monitor = definition.Kind switch
        {
            MonitorKind.Threshold => new ThresholdMonitor(objectId, definition.Name, definition.Metric!, effective.Thresholds!),
            MonitorKind.Availability => new AvailabilityMonitor(objectId, definition.Name, definition.Availability!),
            MonitorKind.Heartbeat => new HeartbeatMonitor(objectId, definition.Name, definition.Heartbeat!, _time.GetUtcNow()),
            _ => new SourceStatusMonitor(objectId, definition.Name),
        };
        entry = new MonitorEntry(definition, monitor, _settings.Flapping);
        _monitors[(objectId, definition.Name)] = entry;
        return entry;
    }

    private void Apply(MonitorEntry entry, MonitorTransition? transition)
    {
        if (transition is null)
        {
            return;
        }

        var objectId = entry.Monitor.ObjectId;
        var maintenance = Maintenance.StatusOf(objectId, transition.At);
        var flapping = entry.Flapping.Record(transition);
        _history.Append(new StateChange(objectId, entry.Definition.Name, transition.From, transition.To, transition.At, transition.Cause, maintenance.InMaintenance, flapping));
        Show(entry, transition.At, transition.Cause);
    }

    /// <summary>Brings the shown state (what the rollup and the alert see) in line with the monitor and its flapping.</summary>
    private void Show(MonitorEntry entry, DateTimeOffset at, string cause)
    {
        var shown = entry.Flapping.Shown(entry.Monitor.State);
        if (shown == entry.Shown)
        {
            return;
        }

        entry.Shown = shown;
        var objectId = entry.Monitor.ObjectId;
        var maintenance = Maintenance.StatusOf(objectId, at);
        if (_rollupDeferrals > 0)
        {
            _rollup.SetMonitorLater(objectId, entry.Definition.Name, shown);
            _unsettledAt = at > _unsettledAt ? at : _unsettledAt;
        }
        else
        {
            RecordRolled(_rollup.SetMonitor(objectId, entry.Definition.Name, shown), at);
        }

        UpdateAlert(entry, cause, maintenance);
    }

    private void EndDeferral()
    {
        lock (_gate)
        {
            if (--_rollupDeferrals == 0)
            {
                SettleRollup();
            }
        }
    }

    /// <summary>Rolls up what a deferral held back, stamped with the latest change's time.</summary>
    private void SettleRollup()
    {
        if (_rollup.HasUnsettled)
        {
            RecordRolled(_rollup.Settle(), _unsettledAt);
        }
    }

    private void RecordRolled(IReadOnlyList<(string ObjectId, RolledHealth Before, RolledHealth After)> changes, DateTimeOffset at)
    {
        foreach (var (id, before, after) in changes)
        {
            _history.Append(new StateChange(id, null, before.State, after.State, at, after.Cause, Maintenance.StatusOf(id, at).InMaintenance, false));
            _rolledSince[id] = at;
        }
    }

    private sealed class RollupDeferral(HealthEngine engine) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                engine.EndDeferral();
            }
        }
    }

    private void UpdateAlert(MonitorEntry entry, string cause, MaintenanceStatus maintenance)
    {
        if (entry.Definition.Alert is not { } alert)
        {
            return;
        }

        var objectId = entry.Monitor.ObjectId;
        if (entry.Shown == HealthState.Unknown)
        {
            return; // no opinion: neither raise nor resolve
        }

        if ((int)entry.Shown < (int)alert.RaiseAt)
        {
            entry.AlertHeldBack = false;
            if (alert.AutoResolve)
            {
                Alerts.AutoResolve(objectId, entry.Definition.Name, $"{entry.Definition.DisplayName} is {HealthStates.ContractName(entry.Shown)} again ({cause})");
            }

            return;
        }

        if (maintenance.InMaintenance)
        {
            entry.AlertHeldBack = true;
            return;
        }

        var severity = entry.Shown == HealthState.Critical ? AlertSeverity.Critical : AlertSeverity.Warning;
        var description = $"{entry.Definition.DisplayName} on {objectId} is {HealthStates.ContractName(entry.Shown)}: {cause}";
        if (Alerts.ChangeSeverity(objectId, entry.Definition.Name, severity, description) is null)
        {
            Alerts.Raise(new AlertRequest(alert.AlertName, severity, alert.Priority, objectId, entry.Definition.Name, description), fromMonitor: true);
        }
    }
}
