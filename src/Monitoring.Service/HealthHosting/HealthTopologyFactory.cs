using Monitoring.Core.Model;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Monitoring.Storage;
using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.Service.HealthHosting;

/// <summary>Builds the health tree from the inventory (stored, then updated by each pass), the configured targets and
/// the host groups, and the overrides that fit it.</summary>
/// <remarks>Whatever names an object not (yet) in the inventory (a group member, an object's override) is left out and
/// reported through <see cref="Unplaced"/>, so the engine carries on and picks it up when the object appears.</remarks>
internal sealed class HealthTopologyFactory
{
    private readonly HealthConfiguration _configuration;
    private readonly List<string> _targets;

    public HealthTopologyFactory(HealthConfiguration configuration, IReadOnlyList<string> targets)
    {
        _configuration = configuration;
        _targets = [.. targets];
    }

    /// <summary>Adds a target the configuration gained while running (a live reload), so the next <see cref="Build"/>
    /// gives it a node and its availability is judged from its first poll; false when it was known already.</summary>
    public bool AddTarget(string target)
    {
        if (_targets.Contains(target, StringComparer.Ordinal))
        {
            return false;
        }

        _targets.Add(target);
        return true;
    }

    /// <summary>What the last <see cref="Build"/> could not place, one line each (key and reason).</summary>
    public IReadOnlyList<string> Unplaced { get; private set; } = [];

    public (HealthTopology Topology, HealthSettings Settings) Build(IEnumerable<InventorySnapshot> snapshots)
    {
        var list = snapshots.ToList();
        var known = list.SelectMany(s => s.Hosts.Select(h => h.Id).Concat(s.Clusters.Select(c => c.Id))).ToHashSet(StringComparer.Ordinal);
        var unplaced = new List<string>();
        var groups = new List<HostGroup>();
        foreach (var group in _configuration.HostGroups)
        {
            var missing = group.Members.Where(m => !known.Contains(m)).ToList();
            unplaced.AddRange(missing.Select(m => $"Monitoring:Health:HostGroups \"{group.Name}\": member \"{m}\" is not a cluster or host in the inventory (yet)"));
            groups.Add(group with { Members = [.. group.Members.Where(known.Contains)] });
        }

        var builder = new HealthTopologyBuilder();
        foreach (var target in _targets)
        {
            builder.AddObject(new HealthObject(HealthTopologyBuilder.TargetNodeId(target), HealthObjectKind.Target, HealthTopology.EstateId));
        }

        foreach (var snapshot in list)
        {
            builder.AddInventory(snapshot);
        }

        foreach (var group in groups)
        {
            builder.AddHostGroup(group);
        }

        var topology = builder.Build();
        var overrides = new List<MonitorOverride>();
        foreach (var ov in _configuration.Settings.Overrides)
        {
            if (ov.ObjectId is not null && topology.Find(ov.ObjectId) is var found && (found is null || found.Kind != _configuration.Settings.Monitors.First(m => m.Name == ov.Monitor).AppliesTo))
            {
                unplaced.Add(found is null
                    ? $"Monitoring:Health:Overrides ({ov.Monitor} on {ov.ObjectId}): the object is not in the inventory (yet)"
                    : $"Monitoring:Health:Overrides ({ov.Monitor} on {ov.ObjectId}): the object is a {found.Kind.ToString().ToLowerInvariant()}; the monitor applies to another kind");
                continue;
            }

            overrides.Add(ov);
        }

        Unplaced = unplaced;
        return (topology, _configuration.Settings with { Overrides = overrides });
    }

    /// <summary>Stored inventory as one snapshot per target, the shape the tree builder reads.</summary>
    public static IReadOnlyList<InventorySnapshot> FromStored(StoredInventory stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var targets = stored.Hosts.Select(h => h.Target).Concat(stored.Vms.Select(v => v.Target))
            .Concat(stored.Clusters.Select(c => c.Target)).Concat(stored.Datastores.Select(d => d.Target))
            .Distinct(StringComparer.Ordinal);
        return targets.Select(t => new InventorySnapshot(
            t,
            DateTimeOffset.MinValue,
            [],
            stored.Clusters.Where(c => c.Target == t).Select(c => new InventoryCluster(c.Id, c.Target, c.Name, c.DatacenterId, new ReportedHealth(c.Health, c.HealthReason))).ToList(),
            stored.Hosts.Where(h => h.Target == t).Select(h => new InventoryHost(h.Id, h.Target, h.Name, h.ClusterId, h.DatacenterId, h.Hypervisor, new ReportedHealth(h.Health, h.HealthReason), h.CpuCount, h.MemoryBytes, h.Os, h.ConnectionState, h.InMaintenance) { BootedAt = h.BootedAt }).ToList(),
            stored.Vms.Where(v => v.Target == t).Select(v => new InventoryVm(v.Id, v.Target, v.Name, v.HostId, v.PowerState, new ReportedHealth(v.Health, v.HealthReason), v.CpuCount, v.MemoryBytes, v.GuestOs, v.IsTemplate) { BootedAt = v.BootedAt }).ToList(),
            stored.Datastores.Where(d => d.Target == t).Select(d => new InventoryDatastore(d.Id, d.Target, d.Name, d.DatacenterId, new ReportedHealth(d.Health, d.HealthReason), d.CapacityBytes, d.FreeBytes, d.Type, d.Accessible)).ToList()))
            .ToList();
    }

    /// <summary>The tree's shape (ids and parents), to tell whether a new snapshot changes it.</summary>
    public static string ShapeOf(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var parts = snapshot.Clusters.Select(c => "c" + c.Id)
            .Concat(snapshot.Hosts.Select(h => $"h{h.Id}>{h.ClusterId}"))
            .Concat(snapshot.Vms.Select(v => $"v{v.Id}>{v.HostId}"))
            .Concat(snapshot.Datastores.Select(d => "d" + d.Id))
            .Order(StringComparer.Ordinal);
        return string.Join('\n', parts);
    }
}
