using System.Text;
using Monitoring.Service.Metrics;

namespace Monitoring.Tests.Service.Metrics;

/// <summary>Reads an exposition the way a person compares two: families by name, series sorted within each.</summary>
internal static class ExpositionText
{
    public static async Task<string> WriteAsync(PrometheusExporter exporter, bool openMetrics = false)
    {
        using var stream = new MemoryStream();
        await exporter.WriteAsync(stream, openMetrics, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The exposition with its families in name order and each family's samples sorted, so that
    /// the registry's internal ordering does not matter to a comparison.</summary>
    public static string Canonical(string exposition)
    {
        var families = new SortedDictionary<string, (List<string> Header, List<string> Samples)>(StringComparer.Ordinal);
        (List<string> Header, List<string> Samples)? current = null;
        foreach (var line in exposition.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var name = line.Split(' ')[2];
                current = ([], []);
                families[name] = current.Value;
            }

            if (current is null)
            {
                throw new FormatException($"a sample before any HELP line: {line}");
            }

            (line.StartsWith('#') ? current.Value.Header : current.Value.Samples).Add(line);
        }

        var text = new StringBuilder();
        foreach (var (_, (header, samples)) in families)
        {
            header.ForEach(h => text.Append(h).Append('\n'));
            samples.Order(StringComparer.Ordinal).ToList().ForEach(s => text.Append(s).Append('\n'));
        }

        return text.ToString();
    }

    /// <summary>The sample lines of one metric.</summary>
    public static List<string> Series(string exposition, string metric) =>
        [.. exposition.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))];
}
