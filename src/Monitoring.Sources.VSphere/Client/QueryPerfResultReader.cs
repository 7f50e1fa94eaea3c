using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reads a <c>QueryPerfResponse</c> one entity at a time.</summary>
/// <remarks>At 20,000 VMs the reply runs to tens of megabytes; only one entity's element (a few
/// kilobytes) is ever held as a tree.</remarks>
internal static class QueryPerfResultReader
{
    /// <summary>Passes each entity's metrics to <paramref name="onEntity"/>. An empty result has no
    /// <c>returnval</c> at all.</summary>
    public static async Task ReadAsync(XmlReader reader, Action<PerfEntityMetric> onEntity, CancellationToken cancellationToken)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        await reader.ReadAsync().ConfigureAwait(false);
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "returnval")
            {
                var element = (XElement)await XNode.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
                onEntity(Parse(element));
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                await reader.SkipAsync().ConfigureAwait(false);
            }
            else
            {
                await reader.ReadAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads one <c>returnval</c> (<c>PerfEntityMetric</c>).</summary>
    /// <exception cref="XmlException">The element is not a <c>PerfEntityMetric</c> we can read.</exception>
    public static PerfEntityMetric Parse(XElement returnval)
    {
        // We never ask for the CSV format, so a CSV entity means the reply answers another question.
        var type = VimXml.XsiType(returnval);
        if (type is not null and not "PerfEntityMetric")
        {
            throw new XmlException($"QueryPerf returned a {type}, not a PerfEntityMetric");
        }

        var entity = VimXml.Child(returnval, "entity") ?? throw new XmlException("a QueryPerf result has no 'entity'");
        var samples = new List<PerfSampleInfo>();
        var series = new List<PerfMetricSeries>();
        foreach (var child in returnval.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "sampleInfo":
                    samples.Add(new PerfSampleInfo(
                        ParseTimestamp(VimXml.ChildText(child, "timestamp")),
                        VimXml.AsInt(VimXml.Child(child, "interval")) ?? 0));
                    break;
                case "value" when VimXml.XsiType(child) is null or "PerfMetricIntSeries":
                    series.Add(ParseSeries(child));
                    break;
                default:
                    break;
            }
        }

        return new PerfEntityMetric(VimXml.ReadReference(entity), samples, series);
    }

    private static PerfMetricSeries ParseSeries(XElement value)
    {
        var id = VimXml.Child(value, "id") ?? throw new XmlException("a QueryPerf series has no 'id'");
        var counterId = VimXml.AsInt(VimXml.Child(id, "counterId")) ?? throw new XmlException("a QueryPerf series has no numeric 'counterId'");
        var values = new List<long>();
        foreach (var v in value.Elements())
        {
            if (v.Name.LocalName == "value")
            {
                values.Add(VimXml.AsLong(v) ?? throw new XmlException($"counter {counterId}: '{v.Value}' is not a whole number"));
            }
        }

        return new PerfMetricSeries(counterId, VimXml.ChildText(id, "instance") ?? string.Empty, values);
    }

    private static DateTimeOffset ParseTimestamp(string? text)
    {
        // xsd:dateTime; the simulator writes nanoseconds, which .NET rounds to its 100 ns tick.
        if (text is null || !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            throw new XmlException($"a QueryPerf sample has no valid timestamp ('{text}')");
        }

        return timestamp.ToUniversalTime();
    }
}
