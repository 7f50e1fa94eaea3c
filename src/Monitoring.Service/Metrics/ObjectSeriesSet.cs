using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary>The hosts' or VMs' series one kind of publish (realtime values, inventory values) set for one
/// target, kept per object so that a later publish costs a dictionary lookup per object and a plain set per
/// series. Series are created only for new objects, new series and changed labels; an object the publish
/// no longer names, and a series whose value is now absent, are removed instead of freezing at their last value.</summary>
/// <remarks>A publish is <see cref="BeginPass"/>, <see cref="Take"/> for each object it names, the values,
/// then <see cref="EndPass"/>. Not thread-safe: the exporter calls it under its lock.</remarks>
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

    public void BeginPass() => Pass++;

    /// <summary>The object's series for this publish: those it had when its labels are unchanged, none
    /// (the old ones removed) when it is new or its labels changed (renamed, moved to another cluster).</summary>
    public ObjectSeries Take(string id, ObjectLabels labels)
    {
        if (!_byId.TryGetValue(id, out var series))
        {
            series = new ObjectSeries(id, labels, _slots);
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

    /// <summary>Sets one series of an object, creating it if needed; a null value removes it (no series beats a made-up 0).</summary>
    public void Set(ObjectSeries series, int slot, Gauge gauge, double? value)
    {
        var child = series.Children[slot];
        if (value is not { } v)
        {
            if (child is not null)
            {
                child.Remove();
                series.Children[slot] = null;
            }

            return;
        }

        if (child is null)
        {
            child = gauge.WithLabels(series.LabelValues(_target));
            series.Children[slot] = child;
        }

        child.Set(v);
    }

    /// <summary>Sets the object's <c>_info</c> series (always 1) whose labels are the object's plus
    /// <paramref name="extra"/>; created again, the old one removed, when <paramref name="extra"/> changed.</summary>
    public void SetInfo(ObjectSeries series, int slot, Gauge gauge, ReadOnlySpan<string> extra)
    {
        var child = series.Children[slot];
        if (child is not null && !extra.SequenceEqual(series.InfoExtra))
        {
            child.Remove();
            child = null;
        }

        if (child is null)
        {
            child = gauge.WithLabels([.. series.LabelValues(_target), .. extra]);
            series.Children[slot] = child;
            series.InfoExtra = extra.ToArray();
        }

        child.Set(1);
    }

    /// <summary>Removes the series of every object this publish did not name.</summary>
    public void EndPass()
    {
        foreach (var (id, series) in _byId)
        {
            if (series.Pass != Pass)
            {
                series.RemoveAll();
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
