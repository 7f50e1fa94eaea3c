namespace Monitoring.Reports.Capacity;

/// <summary>A least-squares line through a usage series and when it reaches the limit.</summary>
/// <param name="SlopePerDay">Change of the usage ratio per day (0.01 = one percentage point a day).</param>
/// <param name="Current">The line's value at the end of the window (the fitted "now").</param>
/// <param name="DaysToExhaustion">Days from the end of the window until the line reaches the limit: 0 when it is
/// already there, null when the line is flat or falling (it never gets there).</param>
public sealed record Trend(double SlopePerDay, double Current, double? DaysToExhaustion)
{
    /// <summary>Slopes at or below this (ratio per day: a hundredth of a percentage point in 100 days) count as flat,
    /// so rounding noise in a constant series never turns into a date centuries away.</summary>
    public const double FlatSlopePerDay = 1e-6;

    /// <summary>Fits <paramref name="points"/> (x in days, y a usage ratio) and projects to <paramref name="limit"/>
    /// from <paramref name="endDay"/>; null when no line can be fitted.</summary>
    public static Trend? Fit(IReadOnlyList<(double Day, double Ratio)> points, double endDay, double limit)
    {
        var line = Statistics.LeastSquares(points);
        if (line is not { } l)
        {
            return null;
        }

        var current = l.Intercept + (l.Slope * endDay);
        double? days = current >= limit ? 0 : l.Slope > FlatSlopePerDay ? (limit - current) / l.Slope : null;
        return new Trend(l.Slope, current, days);
    }
}
