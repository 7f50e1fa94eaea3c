namespace Monitoring.Remediation.Balancing;

/// <summary>The smoothed load signal of VMM Dynamic Optimization: the mean of the top 40 % of the last
/// ten 1-minute averages.</summary>
/// <remarks>Why the top 40 %: a VM that peaks half of the time needs room for its peaks, while a single
/// spike among ten minutes does not move it. Fewer than ten minutes (a new VM, a fresh start) use what
/// there is: the top 40 % of those, at least one.</remarks>
public static class LoadSignal
{
    public const int Window = 10;
    public const double TopShare = 0.4;

    /// <param name="minuteAverages">1-minute averages, oldest first.</param>
    /// <returns>The signal, or null when there is no sample.</returns>
    public static double? Smooth(IReadOnlyList<double> minuteAverages)
    {
        ArgumentNullException.ThrowIfNull(minuteAverages);
        var count = Math.Min(Window, minuteAverages.Count);
        if (count == 0)
        {
            return null;
        }

        Span<double> last = stackalloc double[count];
        for (var i = 0; i < count; i++)
        {
            last[i] = minuteAverages[minuteAverages.Count - count + i];
        }

        last.Sort();
        var take = Math.Max(1, (int)Math.Ceiling(count * TopShare));
        var sum = 0.0;
        for (var i = count - take; i < count; i++)
        {
            sum += last[i];
        }

        return sum / take;
    }
}
