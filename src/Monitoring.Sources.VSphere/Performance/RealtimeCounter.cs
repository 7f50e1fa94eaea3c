namespace Monitoring.Sources.VSphere.Performance;

/// <summary>A vSphere counter we read, the domain metric it becomes, and the unit the catalog must
/// report for it: the conversion to base units depends on that unit.</summary>
/// <param name="Name">The counter's full name, <c>group.name.rollup</c>, e.g. <c>cpu.usage.average</c>.</param>
/// <param name="Metric">The <see cref="Core.Model.PerformanceMetric"/> name it maps to.</param>
/// <param name="Unit">The catalog's <c>unitInfo.key</c> we expect, e.g. <c>percent</c>.</param>
internal sealed record RealtimeCounter(string Name, string Metric, string Unit)
{
    public const string Percent = "percent";
    public const string Millisecond = "millisecond";
    public const string KiloBytes = "kiloBytes";
    public const string KiloBytesPerSecond = "kiloBytesPerSecond";

    private const double BytesPerKiloByte = 1024;

    /// <summary>Converts a raw value to the metric's base unit.</summary>
    /// <param name="raw">The value as the server sent it (never -1: that means "no value" and is skipped before).</param>
    /// <param name="intervalSeconds">The length of the sample's interval.</param>
    public double ToBaseUnit(long raw, int intervalSeconds) => Unit switch
    {
        // Fixed-point hundredths of a percent: 2067 is 20.67 %, the ratio 0.2067.
        Percent => raw / 10_000d,

        // Only cpu.ready uses it: milliseconds summed over the interval (and over the vCPUs), so the
        // share of the interval spent waiting. Can exceed 1 for a VM with several vCPUs.
        Millisecond => raw / (intervalSeconds * 1000d),

        // vSphere's kilobytes are binary (1 KB = 1024 bytes), for memory and for throughput alike.
        KiloBytes or KiloBytesPerSecond => raw * BytesPerKiloByte,
        _ => throw new InvalidOperationException($"no conversion for unit {Unit}"),
    };
}
