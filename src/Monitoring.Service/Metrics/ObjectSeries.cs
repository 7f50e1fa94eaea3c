using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary>The series one kind of publish keeps for one host or VM between passes: the labels they were
/// created with and the prometheus-net child of each, so that the next publish of an unchanged object sets
/// its values directly, with no label lookup and no hashing of label strings.</summary>
/// <remarks>Mutated only by <see cref="ObjectSeriesSet"/>, under the exporter's lock.</remarks>
internal sealed class ObjectSeries
{
    // The label values of every series of the object: prometheus-net keeps the array it is given, so one array
    // per object instead of one per series (at 20,000 VMs about 250,000 series share 42,000 arrays).
    private string[]? _labelValues;

    public ObjectSeries(string id, ObjectLabels labels, int slots)
    {
        Id = id;
        Labels = labels;
        Children = new Gauge.Child?[slots];
    }

    /// <summary>The object's id (the <c>id</c> label).</summary>
    public string Id { get; }

    /// <summary>The labels every series of the object was created with.</summary>
    public ObjectLabels Labels { get; set; }

    /// <summary>One child per series of the object (the publisher numbers them); null where it has none.</summary>
    public Gauge.Child?[] Children { get; }

    /// <summary>The label values the object's <c>_info</c> series carries after the object's own labels
    /// (a host's os; a VM's host and guest OS), to tell when that one series must be created again.</summary>
    public string[]? InfoExtra { get; set; }

    /// <summary>The last publish that named the object.</summary>
    public int Pass { get; set; }

    /// <summary>Its row among the objects of that publish (realtime values are gathered by row before they are set).</summary>
    public int Row { get; set; }

    /// <summary>The values of <see cref="MetricLabels"/> for the object; the same array until its series are removed
    /// (as they are when its labels change). Never modified: series created with it hold it.</summary>
    public string[] LabelValues(string target) => _labelValues ??= MetricLabels.Values(target, Id, Labels);

    /// <summary>Removes every series of the object from the exposition.</summary>
    public void RemoveAll()
    {
        for (var slot = 0; slot < Children.Length; slot++)
        {
            Children[slot]?.Remove();
            Children[slot] = null;
        }

        InfoExtra = null;
        _labelValues = null;
    }
}
