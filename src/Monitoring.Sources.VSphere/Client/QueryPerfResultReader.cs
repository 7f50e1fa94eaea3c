using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reads a <c>QueryPerfResponse</c> one entity at a time.</summary>
/// <remarks>At 20,000 VMs the replies run to tens of megabytes. Each entity is read straight from the
/// reader into its metrics: no tree is built for it.</remarks>
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
                onEntity(Read(reader));
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
        using var reader = returnval.CreateReader();
        reader.MoveToContent();
        return Read(reader);
    }

    /// <summary>Reads the <c>returnval</c> the reader is on and leaves the reader after it.</summary>
    /// <remarks>Texts are gathered first and checked once the element is read, entity first, so a bad reply
    /// is reported as a tree of it would be.</remarks>
    private static PerfEntityMetric Read(XmlReader reader)
    {
        // We never ask for the CSV format, so a CSV entity means the reply answers another question.
        var type = VimXml.XsiType(reader);
        if (type is not null and not "PerfEntityMetric")
        {
            throw new XmlException($"QueryPerf returned a {type}, not a PerfEntityMetric");
        }

        ManagedObjectReference? entity = null;
        var samples = new List<Fields>();
        var series = new List<(Fields? Id, List<string> Values)>();
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "entity" when entity is null:
                    entity = VimXml.ReadReference(reader);
                    break;
                case "sampleInfo":
                    samples.Add(ReadFields(reader, "timestamp", "interval"));
                    break;
                case "value" when VimXml.XsiType(reader) is null or "PerfMetricIntSeries":
                    series.Add(ReadSeries(reader));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (entity is not { } reference)
        {
            throw new XmlException("a QueryPerf result has no 'entity'");
        }

        var sampleInfo = new List<PerfSampleInfo>(samples.Count);
        foreach (var (timestamp, interval) in samples)
        {
            sampleInfo.Add(new PerfSampleInfo(ParseTimestamp(timestamp), interval is null ? 0 : VimXml.AsInt(interval) ?? 0));
        }

        var values = new List<PerfMetricSeries>(series.Count);
        foreach (var (id, texts) in series)
        {
            values.Add(ToSeries(id, texts));
        }

        return new PerfEntityMetric(reference, sampleInfo, values);
    }

    /// <summary>A <c>value</c> (<c>PerfMetricIntSeries</c>): its <c>id</c> (counterId, instance) and its values' texts.</summary>
    private static (Fields? Id, List<string> Values) ReadSeries(XmlReader reader)
    {
        Fields? id = null;
        var texts = new List<string>();
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "id" when id is null:
                    id = ReadFields(reader, "counterId", "instance");
                    break;
                case "value":
                    texts.Add(VimXml.ReadText(reader));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return (id, texts);
    }

    private static PerfMetricSeries ToSeries(Fields? series, List<string> texts)
    {
        var id = series ?? throw new XmlException("a QueryPerf series has no 'id'");
        var counterId = (id.First is null ? null : VimXml.AsInt(id.First)) ?? throw new XmlException("a QueryPerf series has no numeric 'counterId'");
        var values = new List<long>(texts.Count);
        foreach (var text in texts)
        {
            values.Add(VimXml.AsLong(text) ?? throw new XmlException($"counter {counterId}: '{text}' is not a whole number"));
        }

        return new PerfMetricSeries(counterId, id.Second ?? string.Empty, values);
    }

    /// <summary>The texts of the first child named <paramref name="first"/> and the first named <paramref name="second"/>.</summary>
    private static Fields ReadFields(XmlReader reader, string first, string second)
    {
        string? a = null;
        string? b = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            if (a is null && reader.LocalName == first)
            {
                a = VimXml.ReadText(reader);
            }
            else if (b is null && reader.LocalName == second)
            {
                b = VimXml.ReadText(reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new Fields(a, b);
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

    /// <summary>Two child texts of an element, null when absent.</summary>
    private readonly record struct Fields(string? First, string? Second);
}
