using Monitoring.Core.Model;
using Monitoring.HealthModel.Model;

namespace Monitoring.HealthModel.Rollup;

/// <summary>Keeps every object's rolled-up health: its own unit monitors worst-of, then each kind of member
/// combined by its policy, the worst of those; up the tree to the estate.</summary>
/// <remarks>Incremental: a change re-evaluates the object and its ancestors only (each reading its direct
/// members' cached states), so one sample among 20,000 VMs touches a handful of nodes. A pass that changes many
/// monitors at once uses <see cref="SetMonitorLater"/> and <see cref="Settle"/>: each touched object and ancestor
/// is then evaluated once, not once per change below it (a first pass over 20,000 VMs would otherwise evaluate
/// a cluster of 50 hosts once for each of its 1,000 VMs' monitors).</remarks>
public sealed class HealthRollup
{
    private readonly HealthTopology _topology;
    private readonly RollupRules _rules;
    private readonly Dictionary<string, Dictionary<string, HealthState>> _monitorStates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RolledHealth> _rolled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unsettled = new(StringComparer.Ordinal);

    public HealthRollup(HealthTopology topology, RollupRules rules)
    {
        _topology = topology;
        _rules = rules;
    }

    public RolledHealth Get(string objectId) =>
        _rolled.GetValueOrDefault(objectId) ?? new RolledHealth(HealthState.Unknown, HealthState.Unknown, "no monitor has reported");

    /// <summary>Whether monitors were set by <see cref="SetMonitorLater"/> and not yet rolled up.</summary>
    public bool HasUnsettled => _unsettled.Count > 0;

    /// <summary>Sets the shown state of one unit monitor and returns every object whose rolled-up state changed,
    /// the object first and the estate last, with its state before.</summary>
    public IReadOnlyList<(string ObjectId, RolledHealth Before, RolledHealth After)> SetMonitor(string objectId, string monitor, HealthState state)
    {
        SetMonitorLater(objectId, monitor, state);
        return Settle();
    }

    /// <summary>Sets the shown state of one unit monitor; the rollup waits for <see cref="Settle"/>.</summary>
    public void SetMonitorLater(string objectId, string monitor, HealthState state)
    {
        if (!_monitorStates.TryGetValue(objectId, out var monitors))
        {
            _monitorStates[objectId] = monitors = new Dictionary<string, HealthState>(StringComparer.Ordinal);
        }

        monitors[monitor] = state;
        _unsettled.Add(objectId);
    }

    /// <summary>Rolls up every object set since the last settle, each of them and each ancestor once, members before
    /// the nodes that read them; returns every object whose rolled-up state changed, deepest first, the estate last.</summary>
    public IReadOnlyList<(string ObjectId, RolledHealth Before, RolledHealth After)> Settle()
    {
        if (_unsettled.Count == 0)
        {
            return [];
        }

        var changes = new List<(string, RolledHealth, RolledHealth)>();
        foreach (var node in AffectedDeepestFirst())
        {
            var before = Get(node.Id);
            var after = Evaluate(node);
            _rolled[node.Id] = after;
            if (after.State != before.State)
            {
                changes.Add((node.Id, before, after));
            }
        }

        _unsettled.Clear();
        return changes;
    }

    /// <summary>The unsettled objects and their ancestors, each once, ordered by depth in the tree, deepest first.</summary>
    private List<HealthObject> AffectedDeepestFirst()
    {
        var depths = new Dictionary<string, (HealthObject Node, int Depth)>(StringComparer.Ordinal);
        var chain = new List<HealthObject>();
        foreach (var id in _unsettled)
        {
            // Walk up until the root or a node already placed; the chain's depths follow from where it stopped.
            chain.Clear();
            var knownDepth = -1;
            foreach (var node in _topology.SelfAndAncestors(id))
            {
                if (depths.TryGetValue(node.Id, out var known))
                {
                    knownDepth = known.Depth;
                    break;
                }

                chain.Add(node);
            }

            for (var i = 0; i < chain.Count; i++)
            {
                depths[chain[i].Id] = (chain[i], knownDepth + chain.Count - i);
            }
        }

        var ordered = depths.Values.ToList();
        ordered.Sort((a, b) => b.Depth.CompareTo(a.Depth));
        return ordered.ConvertAll(d => d.Node);
    }

    private RolledHealth Evaluate(HealthObject node)
    {
        var state = HealthState.Unknown;
        var cause = "no monitor has reported";
        if (_monitorStates.TryGetValue(node.Id, out var monitors) && monitors.Count > 0)
        {
            var worst = WorstMonitor(monitors);
            state = worst.Value;
            cause = $"monitor {worst.Key} is {HealthStates.ContractName(worst.Value)}";
        }

        var own = state;
        var children = _topology.ChildrenOf(node.Id);
        foreach (var (policy, members, what) in MemberGroups(node, children))
        {
            var states = members.Select(c => Get(c.Id).State).ToList();
            var combined = policy.Combine(states);
            if ((int)combined > (int)state)
            {
                state = combined;
                var worstMember = members.Where(c => Get(c.Id).State == combined).Select(c => c.Id).FirstOrDefault();
                cause = $"{policy} {states.Count} {what}" + (worstMember is null ? string.Empty : $" ({worstMember} is {HealthStates.ContractName(combined)})");
            }
        }

        return new RolledHealth(state, own, cause);
    }

    /// <summary>The worst monitor; among equally bad ones the first by name, so the cause does not depend on the order they were set in.</summary>
    private static KeyValuePair<string, HealthState> WorstMonitor(Dictionary<string, HealthState> monitors)
    {
        KeyValuePair<string, HealthState>? worst = null;
        foreach (var monitor in monitors)
        {
            if (worst is not { } w || (int)monitor.Value > (int)w.Value
                || (monitor.Value == w.Value && string.CompareOrdinal(monitor.Key, w.Key) < 0))
            {
                worst = monitor;
            }
        }

        return worst!.Value;
    }

    /// <summary>The members of an object with its own rule all together; otherwise each kind of member by the rule for it.</summary>
    private IEnumerable<(RollupPolicy Policy, IReadOnlyList<HealthObject> Members, string What)> MemberGroups(HealthObject node, IEnumerable<HealthObject> children)
    {
        if (_rules.ForObject(node.Id) is { } own)
        {
            var all = children.ToList();
            return all.Count == 0 ? [] : [(own, all, all.Select(c => c.Kind).Distinct().Count() == 1 ? Plural(all[0].Kind) : "members")];
        }

        return children.GroupBy(c => c.Kind).Select(g => (_rules.For(node.Kind, g.Key), (IReadOnlyList<HealthObject>)[.. g], Plural(g.Key)));
    }

    private static string Plural(HealthObjectKind kind) => kind switch
    {
        HealthObjectKind.Vm => "VMs",
        HealthObjectKind.HostGroup => "host groups",
        _ => kind.ToString().ToLowerInvariant() + "s",
    };
}
