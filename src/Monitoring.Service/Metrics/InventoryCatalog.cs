using System.Collections.Concurrent;
using Monitoring.Core.Model;
using Monitoring.Storage;

namespace Monitoring.Service.Metrics;

/// <summary>The names and kinds of each target's hosts and VMs, from the last inventory, so realtime
/// samples (which carry only ids) can be labelled. Seeded from the database at start-up.</summary>
internal sealed class InventoryCatalog
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, ObjectLabels>> _byTarget = new(StringComparer.Ordinal);

    public void Update(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var labels = new Dictionary<string, ObjectLabels>(StringComparer.Ordinal);
        foreach (var host in snapshot.Hosts)
        {
            labels[host.Id] = new ObjectLabels(IsVm: false, host.Name);
        }

        foreach (var vm in snapshot.Vms)
        {
            labels[vm.Id] = new ObjectLabels(IsVm: true, vm.Name);
        }

        _byTarget[snapshot.Target] = labels;
    }

    public void Seed(StoredInventory stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var group in stored.Hosts.Select(h => (h.Target, h.Id, Labels: new ObjectLabels(false, h.Name)))
                     .Concat(stored.Vms.Select(v => (v.Target, v.Id, Labels: new ObjectLabels(true, v.Name))))
                     .GroupBy(o => o.Target))
        {
            _byTarget.TryAdd(group.Key, group.ToDictionary(o => o.Id, o => o.Labels, StringComparer.Ordinal));
        }
    }

    public IReadOnlyDictionary<string, ObjectLabels> For(string target) =>
        _byTarget.TryGetValue(target, out var labels) ? labels : new Dictionary<string, ObjectLabels>();

    public void Forget(string target) => _byTarget.TryRemove(target, out _);
}
