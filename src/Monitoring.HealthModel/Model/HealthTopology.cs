namespace Monitoring.HealthModel.Model;

/// <summary>The tree health rolls up through: VMs and datastores under hosts (or targets), hosts under
/// clusters, host groups or targets, and everything under the estate.</summary>
/// <remarks>A tree, not a graph: each object has one parent, so every state counts once in the estate.
/// Build it with <see cref="HealthTopologyBuilder"/>.</remarks>
public sealed class HealthTopology
{
    public const string EstateId = "estate";

    private readonly Dictionary<string, HealthObject> _objects;
    private readonly Dictionary<string, List<HealthObject>> _children;

    internal HealthTopology(IEnumerable<HealthObject> objects)
    {
        _objects = new Dictionary<string, HealthObject>(StringComparer.Ordinal);
        _children = new Dictionary<string, List<HealthObject>>(StringComparer.Ordinal);
        foreach (var obj in objects)
        {
            _objects[obj.Id] = obj;
        }

        foreach (var obj in _objects.Values)
        {
            if (obj.ParentId is null)
            {
                continue;
            }

            if (!_children.TryGetValue(obj.ParentId, out var list))
            {
                _children[obj.ParentId] = list = [];
            }

            list.Add(obj);
        }
    }

    public IReadOnlyCollection<HealthObject> Objects => _objects.Values;

    public bool Contains(string id) => _objects.ContainsKey(id);

    public HealthObject? Find(string id) => _objects.GetValueOrDefault(id);

    public IReadOnlyList<HealthObject> ChildrenOf(string id) =>
        _children.TryGetValue(id, out var list) ? list : [];

    /// <summary>The object itself, then its parent, up to the estate.</summary>
    public IEnumerable<HealthObject> SelfAndAncestors(string id)
    {
        var current = Find(id);
        var guard = 0;
        while (current is not null && guard++ < 64)
        {
            yield return current;
            current = current.ParentId is null ? null : Find(current.ParentId);
        }
    }
}
