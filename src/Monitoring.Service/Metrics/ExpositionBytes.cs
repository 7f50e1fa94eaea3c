using System.Buffers;
using System.Globalization;
using System.Text;

namespace Monitoring.Service.Metrics;

/// <summary>Writes the pieces of an exposition line as UTF-8, escaped and formatted as the Prometheus text
/// format and OpenMetrics require, and as prometheus-net writes the rest of the exposition.</summary>
internal static class ExpositionBytes
{
    // A label value escapes backslash, double quote and line feed; help text escapes backslash and line feed.
    private static readonly SearchValues<char> s_labelSpecials = SearchValues.Create("\\\"\n");
    private static readonly SearchValues<char> s_helpSpecials = SearchValues.Create("\\\n");

    public static void Append(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> utf8) => output.Write(utf8);

    /// <summary>A metric name or other text that needs no escaping.</summary>
    public static void Append(ArrayBufferWriter<byte> output, string text) => Encoding.UTF8.GetBytes(text, output);

    public static void AppendLabelValue(ArrayBufferWriter<byte> output, string value) => AppendEscaped(output, value, s_labelSpecials);

    public static void AppendHelp(ArrayBufferWriter<byte> output, string help) => AppendEscaped(output, help, s_helpSpecials);

    /// <summary>A sample value: the shortest text that reads back as the same double; OpenMetrics also wants
    /// a float to look like one (<c>1.0</c>, not <c>1</c>).</summary>
    public static void AppendValue(ArrayBufferWriter<byte> output, double value, bool openMetrics)
    {
        if (double.IsNaN(value))
        {
            output.Write("NaN"u8);
            return;
        }

        if (double.IsInfinity(value))
        {
            output.Write(value > 0 ? "+Inf"u8 : "-Inf"u8);
            return;
        }

        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, "g", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"A double took more than 32 bytes to format: {value}");
        }

        var needsPoint = openMetrics && span[..written].IndexOfAny(".eE"u8) < 0;
        output.Advance(written);
        if (needsPoint)
        {
            output.Write(".0"u8);
        }
    }

    private static void AppendEscaped(ArrayBufferWriter<byte> output, string text, SearchValues<char> specials)
    {
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(specials)) >= 0)
        {
            Encoding.UTF8.GetBytes(rest[..at], output);
            output.Write(rest[at] switch
            {
                '\\' => "\\\\"u8,
                '"' => "\\\""u8,
                _ => "\\n"u8,
            });
            rest = rest[(at + 1)..];
        }

        Encoding.UTF8.GetBytes(rest, output);
    }
}
