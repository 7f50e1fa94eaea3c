using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Monitoring.Sources.VSphere.Client;

/// <summary>Reads a <c>QueryPerfResponse</c> one entity at a time.</summary>
/// <remarks>At 20,000 VMs the replies run to tens of megabytes, a few hundred thousand numbers. Each entity is
/// read straight from the reader into its metrics, and each number and timestamp is parsed from the reader's
/// characters (<see cref="TextBuffer"/>) without a string of its own: the entity's arrays are all it allocates.</remarks>
internal static class QueryPerfResultReader
{
    /// <summary>Passes each entity's metrics to <paramref name="onEntity"/>. An empty result has no
    /// <c>returnval</c> at all.</summary>
    /// <remarks>The reply is in memory (see <see cref="ReplyBuffer"/>), so the reader is read synchronously.</remarks>
    public static Task ReadAsync(XmlReader reader, Action<PerfEntityMetric> onEntity, CancellationToken cancellationToken)
    {
        if (reader.IsEmptyElement)
        {
            return Task.CompletedTask;
        }

        var text = new TextBuffer();
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "returnval")
            {
                cancellationToken.ThrowIfCancellationRequested();
                onEntity(Read(reader, text));
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads one <c>returnval</c> (<c>PerfEntityMetric</c>).</summary>
    /// <exception cref="XmlException">The element is not a <c>PerfEntityMetric</c> we can read.</exception>
    public static PerfEntityMetric Parse(XElement returnval)
    {
        using var reader = returnval.CreateReader();
        reader.MoveToContent();
        return Read(reader, new TextBuffer());
    }

    /// <summary>Reads the <c>returnval</c> the reader is on and leaves the reader after it.</summary>
    /// <remarks>A bad reply is reported as a tree of it would be: the entity is checked once the element is read,
    /// before the samples and series, which are checked in order.</remarks>
    private static PerfEntityMetric Read(XmlReader reader, TextBuffer text)
    {
        // We never ask for the CSV format, so a CSV entity means the reply answers another question.
        var type = VimXml.XsiType(reader);
        if (type is not null and not "PerfEntityMetric")
        {
            throw new XmlException($"QueryPerf returned a {type}, not a PerfEntityMetric");
        }

        ManagedObjectReference? entity = null;
        var samples = new List<PerfSampleInfo>(RealtimeSampleCapacity);
        var series = new List<PerfMetricSeries>(RealtimeSeriesCapacity);
        XmlException? firstError = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "entity" when entity is null:
                    entity = VimXml.ReadReference(reader);
                    break;
                case "sampleInfo":
                    var sample = ReadSampleInfo(reader, text, ref firstError);
                    samples.Add(sample);
                    break;
                case "value" when VimXml.XsiType(reader) is null or "PerfMetricIntSeries":
                    var read = ReadSeries(reader, text, ref firstError);
                    if (read is not null)
                    {
                        series.Add(read);
                    }

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

        if (firstError is not null)
        {
            throw firstError;
        }

        return new PerfEntityMetric(reference, samples, series);
    }

    /// <summary>Most realtime queries ask for 3 samples of 6 counters: lists of that size never grow.</summary>
    private const int RealtimeSampleCapacity = 3;
    private const int RealtimeSeriesCapacity = 6;

    /// <summary>A <c>sampleInfo</c>: its first <c>timestamp</c> and first <c>interval</c>.</summary>
    private static PerfSampleInfo ReadSampleInfo(XmlReader reader, TextBuffer text, ref XmlException? error)
    {
        DateTimeOffset? timestamp = null;
        string? badTimestamp = null;
        var sawTimestamp = false;
        int? interval = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            if (!sawTimestamp && reader.LocalName == "timestamp")
            {
                sawTimestamp = true;

                // xsd:dateTime; the simulator writes nanoseconds, which .NET rounds to its 100 ns tick.
                var value = text.Read(reader).Trim();
                if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    timestamp = parsed.ToUniversalTime();
                }
                else
                {
                    badTimestamp = value.ToString();
                }
            }
            else if (interval is null && reader.LocalName == "interval")
            {
                interval = int.TryParse(text.Read(reader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;
            }
            else
            {
                reader.Skip();
            }
        }

        if (timestamp is not { } at)
        {
            error ??= new XmlException($"a QueryPerf sample has no valid timestamp ('{badTimestamp}')");
            return default;
        }

        return new PerfSampleInfo(at, interval ?? 0);
    }

    /// <summary>A <c>value</c> (<c>PerfMetricIntSeries</c>): its <c>id</c> (counterId, instance) and its values;
    /// null after an error, which <paramref name="error"/> then holds.</summary>
    private static PerfMetricSeries? ReadSeries(XmlReader reader, TextBuffer text, ref XmlException? error)
    {
        var sawId = false;
        int? counterId = null;
        string? instance = null;
        string? badValue = null;
        var values = text.Numbers;
        values.Clear();
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            switch (reader.LocalName)
            {
                case "id" when !sawId:
                    sawId = true;
                    (counterId, instance) = ReadId(reader, text);
                    break;
                case "value":
                    var value = text.Read(reader);
                    if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                    {
                        values.Add(number);
                    }
                    else
                    {
                        badValue ??= value.ToString();
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (error is not null)
        {
            return null;
        }

        if (!sawId)
        {
            error = new XmlException("a QueryPerf series has no 'id'");
        }
        else if (counterId is not { } id)
        {
            error = new XmlException("a QueryPerf series has no numeric 'counterId'");
        }
        else if (badValue is not null)
        {
            error = new XmlException($"counter {id}: '{badValue}' is not a whole number");
        }
        else
        {
            return new PerfMetricSeries(id, instance ?? string.Empty, values.ToArray());
        }

        return null;
    }

    /// <summary>An <c>id</c> (<c>PerfMetricId</c>): the first <c>counterId</c> (null when absent or not a number)
    /// and the first <c>instance</c> (empty, the aggregate, allocates nothing).</summary>
    private static (int? CounterId, string? Instance) ReadId(XmlReader reader, TextBuffer text)
    {
        var sawCounter = false;
        int? counterId = null;
        string? instance = null;
        var depth = reader.Depth;
        while (VimXml.NextChild(reader, depth))
        {
            if (!sawCounter && reader.LocalName == "counterId")
            {
                sawCounter = true;
                counterId = int.TryParse(text.Read(reader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
            }
            else if (instance is null && reader.LocalName == "instance")
            {
                var value = text.Read(reader);
                instance = value.IsEmpty ? string.Empty : value.ToString();
            }
            else
            {
                reader.Skip();
            }
        }

        return (counterId, instance);
    }
}
