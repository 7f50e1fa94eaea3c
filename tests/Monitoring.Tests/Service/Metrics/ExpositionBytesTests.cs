using System.Buffers;
using System.Text;
using Monitoring.Service.Metrics;
using Prometheus;
using Xunit;

namespace Monitoring.Tests.Service.Metrics;

/// <summary>The host and VM gauges are written by our own code, the rest of the exposition by prometheus-net:
/// a scraper must not see two ways of writing the same thing.</summary>
public sealed class ExpositionBytesTests
{
    private static readonly double[] s_values =
        [0, 1, -1, 0.25, 2.0 / 3, 1e16, 137_438_953_472, 1_793_016_000.5, 1.5e-7, double.NaN];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AppendValue_EveryKindOfDouble_WrittenAsPrometheusNetWritesIt(bool openMetrics)
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var gauge = Prometheus.Metrics.WithCustomRegistry(registry).CreateGauge("probe", "A probe.", "n");
        for (var i = 0; i < s_values.Length; i++)
        {
            gauge.WithLabels(i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).Set(s_values[i]);
        }

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText);
        var theirs = Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Where(l => l.StartsWith("probe{", StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('}', StringComparison.Ordinal)], l => l[(l.IndexOf('}', StringComparison.Ordinal) + 2)..]);

        for (var i = 0; i < s_values.Length; i++)
        {
            var ours = new ArrayBufferWriter<byte>();
            ExpositionBytes.AppendValue(ours, s_values[i], openMetrics);
            Assert.Equal(theirs[$"probe{{n=\"{i:D2}\""], Encoding.UTF8.GetString(ours.WrittenSpan));
        }
    }

    /// <summary>prometheus-net writes infinity as <c>Infinity</c> in the text format, which Prometheus reads
    /// only because Go's float parser is lenient; the format says <c>+Inf</c>.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AppendValue_Infinities_WrittenAsTheFormatsSpellThem(bool openMetrics)
    {
        var output = new ArrayBufferWriter<byte>();

        ExpositionBytes.AppendValue(output, double.PositiveInfinity, openMetrics);
        ExpositionBytes.Append(output, " "u8);
        ExpositionBytes.AppendValue(output, double.NegativeInfinity, openMetrics);

        Assert.Equal("+Inf -Inf", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void AppendLabelValue_QuoteBackslashAndLineFeed_EscapedOtherTextAsIs()
    {
        var output = new ArrayBufferWriter<byte>();

        ExpositionBytes.AppendLabelValue(output, "web \"01\" C:\\vms\nsecond line, ünïcode");

        Assert.Equal("web \\\"01\\\" C:\\\\vms\\nsecond line, ünïcode", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void AppendHelp_BackslashAndLineFeedEscapedQuotesKept()
    {
        var output = new ArrayBufferWriter<byte>();

        ExpositionBytes.AppendHelp(output, "a \"help\" text\\with\nbreaks");

        Assert.Equal("a \"help\" text\\\\with\\nbreaks", Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
