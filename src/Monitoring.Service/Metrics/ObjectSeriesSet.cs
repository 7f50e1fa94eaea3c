namespace Monitoring.Service.Metrics;

/// <summary>The hosts' or VMs' series one kind of publish (realtime values, inventory values) sets for one
/// target, kept per object so that a later publish costs a dictionary lookup per object and a plain store per
/// series. An object the publish no longer names, and a series whose value is now absent, are removed
/// instead of freezing at their last value.</summary>
/// <remarks>A publish is <see cref="BeginPass"/>, <see cref="Take"/> for each object it names, the values,
/// then <see cref="EndPass"/>. Not thread-safe: the exporter calls it, and scrapes read it, under its lock.</remarks>
internal sealed class ObjectSeriesSet
{
    private readonly Dictionary<string, ObjectSeries> _byId = new(StringComparer.Ordinal);
    private readonly string _target;
    private readonly int _slots;

    public ObjectSeriesSet(string target, int slots)
    {
        _target = target;
        _slots = slots;
    }

    /// <summary>The current publish (<see cref="ObjectSeries.Pass"/> of the objects it named).</summary>
    public int Pass { get; private set; }

    /// <summary>How many objects have series.</summary>
    public int Count => _byId.Count;

    /// <summary>The objects that have series.</summary>
    public Dictionary<string, ObjectSeries>.ValueCollection Objects => _byId.Values;

    public void BeginPass() => Pass++;

    /// <summary>The object's series for this publish: those it had when its labels are unchanged, none
    /// (the old ones removed) when it is new or its labels changed (renamed, moved to another cluster).</summary>
    public ObjectSeries Take(string id, ObjectLabels labels)
    {
        if (!_byId.TryGetValue(id, out var series))
        {
            series = new ObjectSeries(_target, id, labels, _slots);
            _byId.Add(id, series);
        }
        else if (!ReferenceEquals(series.Labels, labels))
        {
            if (!series.Labels.Equals(labels))
            {
                series.RemoveAll();
            }

            series.Labels = labels; // the pass's own instance, so the previous pass's can be collected
        }

        series.Pass = Pass;
        return series;
    }

    /// <summary>Removes the series of every object this publish did not name.</summary>
    public void EndPass()
    {
        foreach (var (id, series) in _byId)
        {
            if (series.Pass != Pass)
            {
                series.RemoveAll(); // a scrape may still hold it in its list: it writes nothing for it now
                _byId.Remove(id); // allowed while enumerating: Remove does not invalidate a Dictionary's enumerator
            }
        }
    }

    /// <summary>Removes every series of the target.</summary>
    public void Clear()
    {
        foreach (var series in _byId.Values)
        {
            series.RemoveAll();
        }

        _byId.Clear();
    }
}
