using System.Buffers;

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

    // The object's labels as the exposition writes them, encoded at the first scrape: a scrape then copies
    // one block per series instead of escaping and encoding five strings (about 100 bytes an object).
    private byte[]? _labelBytes;

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
    public void SetInfo(int slot, params ReadOnlySpan<string> extra)
    {
        if (!extra.SequenceEqual(InfoExtra))
        {
            InfoExtra = extra.ToArray(); // an array only when they changed: a later pass allocates none
        }

        Set(slot, 1);
    }

    /// <summary>The values of <see cref="MetricLabels"/> for the object, plus <paramref name="extra"/>.</summary>
    public string[] LabelValues(IReadOnlyList<string> extra) =>
        [.. MetricLabels.Values(Target, Id, Labels), .. extra];

    /// <summary>The object's labels in <see cref="MetricLabels"/> order as exposition text
    /// (<c>target="vc1",id="vc1/vm-10",vm="web-01",cluster="Prod",hypervisor="esx"</c>).</summary>
    public byte[] LabelBytes()
    {
        if (_labelBytes is null)
        {
            var names = Labels.IsVm ? MetricLabels.Vm : MetricLabels.Host;
            var values = MetricLabels.Values(Target, Id, Labels);
            var text = new ArrayBufferWriter<byte>(128);
            for (var i = 0; i < names.Count; i++)
            {
                if (i > 0)
                {
                    ExpositionBytes.Append(text, ","u8);
                }

                ExpositionBytes.Append(text, names[i]);
                ExpositionBytes.Append(text, "=\""u8);
                ExpositionBytes.AppendLabelValue(text, values[i]);
                ExpositionBytes.Append(text, "\""u8);
            }

            _labelBytes = text.WrittenSpan.ToArray();
        }

        return _labelBytes;
    }

    /// <summary>Removes every series of the object from the exposition (and forgets its labels' text, which
    /// is why <see cref="ObjectSeriesSet"/> calls it when they change).</summary>
    public void RemoveAll()
    {
        _present = 0;
        InfoExtra = [];
        _labelBytes = null;
    }
}
