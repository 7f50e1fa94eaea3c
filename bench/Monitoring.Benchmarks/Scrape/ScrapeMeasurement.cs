namespace Monitoring.Benchmarks.Scrape;

/// <summary>One side's scrapes: median and fastest time, bytes written, bytes allocated per scrape (median).</summary>
internal sealed record ScrapeMeasurement(string Name, double MedianMs, double MinMs, long Bytes, long AllocatedBytes)
{
    public static ScrapeMeasurement From(string name, List<double> milliseconds, long bytes, List<long> allocated) =>
        new(name, Median(milliseconds), milliseconds.Min(), bytes, (long)Median([.. allocated.Select(a => (double)a)]));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
