using System.Buffers;
using System.Text;

namespace Monitoring.Service.Metrics;

/// <summary>One host or VM gauge of the exposition (<c>virt_vm_cpu_usage_ratio</c>, <c>virt_host_info</c>...),
/// whose values live in <see cref="ObjectSeries"/> rather than in prometheus-net: its series are written by
/// <see cref="ObjectExposition"/> and read by the OTLP export through the same <see cref="MetricFamily"/>.</summary>
/// <remarks>prometheus-net's maintainer recommends exactly this for bulk data that already sits in the
/// application (prometheus-net/prometheus-net#129): at 20,000 VMs its children were 95 MB of the heap.</remarks>
internal sealed class ObjectGauge
{
    private readonly Func<IEnumerable<ObjectSeries>> _objects;

    // "name{", then the text before each extra label's value: ",os=\"".
    private readonly byte[] _nameBytes;
    private readonly byte[][] _extraPrefixes;

    /// <param name="name">The metric name.</param>
    /// <param name="help">Its help text.</param>
    /// <param name="isVm">A VM gauge (else a host gauge): which objects of <paramref name="objects"/> it shows.</param>
    /// <param name="slot">Which of each object's series it shows.</param>
    /// <param name="extraLabels">Labels after the object's own, from <see cref="ObjectSeries.InfoExtra"/> (an <c>_info</c> gauge).</param>
    /// <param name="objects">Every object that may have the series, read under the exporter's lock.</param>
    public ObjectGauge(string name, string help, bool isVm, int slot, IReadOnlyList<string> extraLabels, Func<IEnumerable<ObjectSeries>> objects)
    {
        Name = name;
        Help = help;
        IsVm = isVm;
        Slot = slot;
        ExtraLabels = extraLabels;
        LabelNames = [.. isVm ? MetricLabels.Vm : MetricLabels.Host, .. extraLabels];
        _objects = objects;
        _nameBytes = Encoding.UTF8.GetBytes(name + "{");
        _extraPrefixes = [.. extraLabels.Select(label => Encoding.UTF8.GetBytes($",{label}=\""))];
    }

    public string Name { get; }

    public string Help { get; }

    public bool IsVm { get; }

    public int Slot { get; }

    public IReadOnlyList<string> ExtraLabels { get; }

    /// <summary>Every label name, in order: the object's, then <see cref="ExtraLabels"/>.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Replaces the content of <paramref name="into"/> with the objects that have this gauge's series
    /// now. Call under the exporter's lock.</summary>
    public void ObjectsInto(List<ObjectSeries> into)
    {
        into.Clear();
        into.AddRange(WithSeries());
    }

    /// <summary>Each series' label values and value. Call under the exporter's lock.</summary>
    public IEnumerable<(string[] Labels, double Value)> Series() =>
        WithSeries().Select(o => (o.LabelValues(ExtraLabels.Count == 0 ? [] : o.InfoExtra), o.ValueOf(Slot)));

    /// <summary>Writes the object's series, if it still has one (a publish since the list was taken may have
    /// removed it). Call under the exporter's lock.</summary>
    public void Write(ArrayBufferWriter<byte> output, ObjectSeries series, bool openMetrics)
    {
        if (!series.Has(Slot))
        {
            return;
        }

        ExpositionBytes.Append(output, _nameBytes);
        ExpositionBytes.Append(output, series.LabelBytes());
        for (var extra = 0; extra < _extraPrefixes.Length; extra++)
        {
            // An _info series has a value only once SetInfo gave it its extra labels.
            ExpositionBytes.Append(output, _extraPrefixes[extra]);
            ExpositionBytes.AppendLabelValue(output, series.InfoExtra[extra]);
            ExpositionBytes.Append(output, "\""u8);
        }

        ExpositionBytes.Append(output, "} "u8);
        ExpositionBytes.AppendValue(output, series.ValueOf(Slot), openMetrics);
        ExpositionBytes.Append(output, "\n"u8);
    }

    /// <summary>The objects of this gauge's kind that have its series now.</summary>
    private IEnumerable<ObjectSeries> WithSeries() => _objects().Where(o => o.Labels.IsVm == IsVm && o.Has(Slot));
}
