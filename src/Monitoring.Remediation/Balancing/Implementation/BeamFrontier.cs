namespace Monitoring.Remediation.Balancing.Implementation;

/// <summary>The best few partial plans of the next depth, lowest imbalance first, one per set of moves.</summary>
/// <remarks>Candidates are kept in a bounded max-heap (twice the width, so that dropping duplicate sets
/// of moves still leaves enough); nodes are built only for the survivors.</remarks>
internal sealed class BeamFrontier
{
    private readonly int _width;
    private readonly int _capacity;
    private readonly PriorityQueue<(BeamNode Parent, int Vm, int From, int To, double After), double> _heap;

    public BeamFrontier(int width)
    {
        _width = width;
        _capacity = width * 2;
        _heap = new PriorityQueue<(BeamNode, int, int, int, double), double>(_capacity + 1, Comparer<double>.Create((a, b) => b.CompareTo(a)));
    }

    public int Count => _heap.Count;

    /// <summary>Cheap pre-check: would a plan this good make the cut?</summary>
    public bool WouldTake(double imbalance) =>
        _heap.Count < _capacity || (_heap.TryPeek(out _, out var worst) && imbalance < worst);

    public void Offer(BeamNode parent, int vm, int from, int to, double after)
    {
        _heap.Enqueue((parent, vm, from, to, after), after);
        if (_heap.Count > _capacity)
        {
            _heap.Dequeue();
        }
    }

    public List<BeamNode> Nodes()
    {
        var all = new List<(BeamNode Parent, int Vm, int From, int To, double After)>(_heap.Count);
        while (_heap.Count > 0)
        {
            all.Add(_heap.Dequeue());
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<BeamNode>(_width);
        foreach (var c in all.OrderBy(c => c.After))
        {
            var node = c.Parent.With(c.Vm, c.From, c.To, c.After);
            if (seen.Add(node.Key))
            {
                nodes.Add(node);
                if (nodes.Count == _width)
                {
                    break;
                }
            }
        }

        return nodes;
    }
}
