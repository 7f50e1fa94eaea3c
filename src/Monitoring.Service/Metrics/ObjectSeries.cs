namespace Monitoring.Service.Metrics;

/// <summary>The series one kind of publish keeps for one host or VM: its labels and the value of each of
/// its series, kept here rather than as one prometheus-net child per series.</summary>
/// <remarks>At 20,000 VMs the contract's 13 host and VM series make 270,000 series: a prometheus-net child
/// and its label tables cost about 380 bytes each (95 MB in all); this object and its values cost about 150
/// bytes for all of an object's series. Mutated only by <see cref="ObjectSeriesSet"/>, and read by
/// <see cref="ObjectGauge"/>, under the exporter's lock.</remarks>
internal sealed class ObjectSeries
{
    private readonly double[] _values;

    // Bit n set: series n has a value. A series without one is left out of the exposition.
    private int _present;

    public ObjectSeries(string target, string id, ObjectLabels labels, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(slots, 32);
        Target = target;
        Id = id;
        Labels = labels;
        _values = new double[slots];
    }

    /// <summary>The target that reported the object (the <c>target</c> label).</summary>
    public string Target { get; }

    /// <summary>The object's id (the <c>id</c> label).</summary>
    public string Id { get; }

    /// <summary>The labels every series of the object carries.</summary>
    public ObjectLabels Labels { get; set; }

    /// <summary>The label values the object's <c>_info</c> series carries after the object's own labels
    /// (a host's os; a VM's host and guest OS).</summary>
    public string[] InfoExtra { get; private set; } = [];

    /// <summary>The last publish that named the object.</summary>
    public int Pass { get; set; }

    /// <summary>Its row among the objects of that publish (realtime values are gathered by row before they are set).</summary>
    public int Row { get; set; }

    /// <summary>True when the object has a value for series <paramref name="slot"/>.</summary>
    public bool Has(int slot) => (_present & (1 << slot)) != 0;

    /// <summary>The value of series <paramref name="slot"/> (meaningful only when <see cref="Has"/>).</summary>
    public double ValueOf(int slot) => _values[slot];

    /// <summary>Sets series <paramref name="slot"/>; null removes it (no series beats a made-up 0).</summary>
    public void Set(int slot, double? value)
    {
        if (value is { } v)
        {
            _values[slot] = v;
            _present |= 1 << slot;
        }
        else
        {
            _present &= ~(1 << slot);
        }
    }

    /// <summary>Sets the object's <c>_info</c> series (always 1) whose labels are the object's plus
    /// <paramref name="extra"/>.</summary>
    public void SetInfo(int slot, string[] extra)
    {
        if (!extra.AsSpan().SequenceEqual(InfoExtra))
        {
            InfoExtra = extra; // else the one it has, so this pass's copy can be collected at once
        }

        Set(slot, 1);
    }

    /// <summary>The values of <see cref="MetricLabels"/> for the object, plus <paramref name="extra"/>.</summary>
    public string[] LabelValues(IReadOnlyList<string> extra) =>
        [.. MetricLabels.Values(Target, Id, Labels), .. extra];

    /// <summary>Removes every series of the object from the exposition.</summary>
    public void RemoveAll()
    {
        _present = 0;
        InfoExtra = [];
    }
}
