namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Reads series out of a Prometheus text exposition.</summary>
internal static class Exposition
{
    /// <summary>The sample lines of <paramref name="metric"/> (not its HELP/TYPE lines).</summary>
    public static List<string> Series(string exposition, string metric) =>
        [.. exposition.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))];

    /// <summary>The value of a label in a sample line, e.g. <c>vm="DC0_H0_VM0"</c>.</summary>
    public static string? Label(string line, string label)
    {
        var marker = label + "=\"";
        var start = line.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = line.IndexOf('"', start);
        return line[start..end];
    }

    public static double Value(string line) =>
        double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
