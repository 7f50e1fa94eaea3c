using System.Collections.Concurrent;
using Monitoring.Core.Model;
using Monitoring.Storage;

namespace Monitoring.Service.Metrics;

/// <summary>The labels of each target's hosts and VMs, from the last inventory, so realtime samples
/// (which carry only ids) can be labelled. Seeded from the database at start-up.</summary>
internal sealed class InventoryCatalog
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ObjectLabels>> _byTarget = new(StringComparer.Ordinal);

    public void Update(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _byTarget[snapshot.Target] = ObjectLabels.For(
            snapshot.Clusters.Select(c => (c.Id, c.Name)),
            snapshot.Hosts.Select(h => (h.Id, h.Name, h.ClusterId, h.Hypervisor)),
            snapshot.Vms.Select(v => (v.Id, v.Name, v.HostId)));
    }

    public void Seed(StoredInventory stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var targets = stored.Hosts.Select(h => h.Target).Concat(stored.Vms.Select(v => v.Target)).Distinct(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            _byTarget.TryAdd(target, ObjectLabels.For(
                stored.Clusters.Where(c => c.Target == target).Select(c => (c.Id, c.Name)),
                stored.Hosts.Where(h => h.Target == target).Select(h => (h.Id, h.Name, h.ClusterId, h.Hypervisor)),
                stored.Vms.Where(v => v.Target == target).Select(v => (v.Id, v.Name, v.HostId))));
        }
    }

    public IReadOnlyDictionary<string, ObjectLabels> For(string target) =>
        _byTarget.TryGetValue(target, out var labels) ? labels : new Dictionary<string, ObjectLabels>();

    public void Forget(string target) => _byTarget.TryRemove(target, out _);
}
