using Monitoring.Core.Model;
using Monitoring.HealthModel.Settings;

namespace Monitoring.HealthModel.Model;

/// <summary>Builds the health tree from inventory snapshots and the host groups.</summary>
/// <remarks>Placement: a VM under its host; a host under its cluster, else its host group, else its
/// target; a cluster under its host group, else its target; a datastore under its target; a target
/// and a top-level host group under the estate. A VM whose host is unknown sits under its target.</remarks>
public sealed class HealthTopologyBuilder
{
    private readonly List<HealthObject> _objects = [new(HealthTopology.EstateId, HealthObjectKind.Estate, null)];
    private readonly List<InventorySnapshot> _snapshots = [];
    private readonly List<HostGroup> _groups = [];

    public HealthTopologyBuilder AddInventory(InventorySnapshot snapshot)
    {
        _snapshots.Add(snapshot);
        return this;
    }

    public HealthTopologyBuilder AddHostGroup(HostGroup group)
    {
        _groups.Add(group);
        return this;
    }

    /// <summary>Adds a node directly (tests, and sources that have no inventory snapshot).</summary>
    public HealthTopologyBuilder AddObject(HealthObject obj)
    {
        _objects.Add(obj);
        return this;
    }

    /// <exception cref="HealthSettingsException">A group names an unknown member or parent, a member
    /// belongs to two groups, or groups nest in a loop.</exception>
    public HealthTopology Build()
    {
        var errors = new List<string>();
        var groupOf = GroupMembership(errors);
        var objects = new List<HealthObject>(_objects);
        var targets = new HashSet<string>(StringComparer.Ordinal);

        foreach (var snapshot in _snapshots)
        {
            var targetId = TargetNodeId(snapshot.Target);
            if (targets.Add(targetId))
            {
                objects.Add(new HealthObject(targetId, HealthObjectKind.Target, HealthTopology.EstateId));
            }

            var hostIds = snapshot.Hosts.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var cluster in snapshot.Clusters)
            {
                objects.Add(new HealthObject(cluster.Id, HealthObjectKind.Cluster, groupOf.GetValueOrDefault(cluster.Id) ?? targetId));
            }

            foreach (var host in snapshot.Hosts)
            {
                var parent = host.ClusterId ?? groupOf.GetValueOrDefault(host.Id) ?? targetId;
                objects.Add(new HealthObject(host.Id, HealthObjectKind.Host, parent));
            }

            foreach (var vm in snapshot.Vms)
            {
                var parent = vm.HostId is not null && hostIds.Contains(vm.HostId) ? vm.HostId : targetId;
                objects.Add(new HealthObject(vm.Id, HealthObjectKind.Vm, parent));
            }

            foreach (var datastore in snapshot.Datastores)
            {
                objects.Add(new HealthObject(datastore.Id, HealthObjectKind.Datastore, targetId));
            }
        }

        foreach (var group in _groups)
        {
            var parent = group.Parent is null ? HealthTopology.EstateId : HostGroup.IdPrefix + group.Parent;
            objects.Add(new HealthObject(group.Id, HealthObjectKind.HostGroup, parent));
        }

        var known = objects.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < _groups.Count; i++)
        {
            var group = _groups[i];
            if (group.Parent is not null && !_groups.Any(g => g.Name == group.Parent))
            {
                errors.Add($"HostGroups:{i}:Parent: \"{group.Parent}\" is not a defined host group");
            }

            for (var m = 0; m < group.Members.Count; m++)
            {
                if (!known.Contains(group.Members[m]))
                {
                    errors.Add($"HostGroups:{i}:Members:{m}: \"{group.Members[m]}\" is not a known cluster or host");
                }
            }
        }

        CheckGroupLoops(errors);
        if (errors.Count > 0)
        {
            throw new HealthSettingsException(errors);
        }

        return new HealthTopology(objects);
    }

    /// <summary>The node id of a configured target; distinct from inventory ids, which hold a slash.</summary>
    public static string TargetNodeId(string target) => "target:" + target;

    private Dictionary<string, string> GroupMembership(List<string> errors)
    {
        var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in _groups)
        {
            foreach (var member in group.Members)
            {
                if (!groupOf.TryAdd(member, group.Id))
                {
                    errors.Add($"HostGroups: \"{member}\" is a member of both \"{groupOf[member][HostGroup.IdPrefix.Length..]}\" and \"{group.Name}\"; an object belongs to one group");
                }
            }
        }

        return groupOf;
    }

    private void CheckGroupLoops(List<string> errors)
    {
        var parents = _groups.Where(g => g.Parent is not null).ToDictionary(g => g.Name, g => g.Parent!, StringComparer.Ordinal);
        foreach (var group in _groups)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { group.Name };
            var current = group.Name;
            while (parents.TryGetValue(current, out var parent))
            {
                if (!seen.Add(parent))
                {
                    errors.Add($"HostGroups: \"{group.Name}\" is inside itself through its parents");
                    break;
                }

                current = parent;
            }
        }
    }
}
