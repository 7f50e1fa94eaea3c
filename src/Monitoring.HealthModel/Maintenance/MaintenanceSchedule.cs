using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Monitoring.HealthModel.Storage;

namespace Monitoring.HealthModel.Maintenance;

/// <summary>Answers "is this object in maintenance now?" from the stored windows and the health tree:
/// a window on a host group, a cluster, a host or a target covers everything under it.</summary>
public sealed class MaintenanceSchedule
{
    private readonly IMaintenanceWindowStore _store;
    private readonly TimeProvider _time;
    private HealthTopology _topology;

    public MaintenanceSchedule(IMaintenanceWindowStore store, HealthTopology topology, TimeProvider time)
    {
        _store = store;
        _topology = topology;
        _time = time;
    }

    internal void UseTopology(HealthTopology topology) => _topology = topology;

    /// <exception cref="HealthSettingsException">The scope is not in the health tree, or the window ends before it starts.</exception>
    public MaintenanceWindow Schedule(string scope, DateTimeOffset start, DateTimeOffset end, string reason, string createdBy)
    {
        var errors = new List<string>();
        if (!_topology.Contains(scope))
        {
            errors.Add($"Scope: \"{scope}\" is not a known object, host group (group:NAME), target (target:NAME) or estate");
        }

        if (end <= start)
        {
            errors.Add($"End: {end:u} must be after Start {start:u}");
        }

        if (errors.Count > 0)
        {
            throw new HealthSettingsException(errors);
        }

        var window = new MaintenanceWindow(Guid.NewGuid().ToString("N")[..12], scope, start, end, reason, createdBy);
        _store.Add(window);
        return window;
    }

    public bool End(string id) => _store.Close(id, _time.GetUtcNow());

    public MaintenanceStatus StatusOf(string objectId) => StatusOf(objectId, _time.GetUtcNow());

    public MaintenanceStatus StatusOf(string objectId, DateTimeOffset at)
    {
        var active = _store.Active(at);
        if (active.Count == 0)
        {
            return MaintenanceStatus.None; // asked on every change of state: no work while no window is open
        }

        var covering = active.Where(w => w.Covers(at)).ToList();
        if (covering.Count == 0)
        {
            return MaintenanceStatus.None;
        }

        var chain = _topology.SelfAndAncestors(objectId).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        if (chain.Count == 0)
        {
            chain.Add(objectId);
        }

        var window = covering.Where(w => chain.Contains(w.Scope)).OrderByDescending(w => w.End).FirstOrDefault();
        return window is null ? MaintenanceStatus.None : new MaintenanceStatus(true, window);
    }
}
