namespace Monitoring.Reports.Capacity;

/// <summary>The few statistics the capacity report needs, written out so their definitions are plain.</summary>
public static class Statistics
{
    /// <summary>The arithmetic mean; null for no values.</summary>
    public static double? Mean(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 0 ? null : values.Average();
    }

    /// <summary>The <paramref name="p"/>-th percentile (0-1) with linear interpolation between the closest
    /// ranks, the "inclusive" definition (Excel <c>PERCENTILE.INC</c>, NumPy's default, Hyndman-Fan type 7):
    /// rank = p x (n - 1) over the values sorted ascending. Null for no values.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }

    /// <summary>Ordinary least squares of y on x: the line y = intercept + slope x that minimises the squared
    /// vertical distances. Null with fewer than two distinct x values (no line is defined).</summary>
    public static (double Intercept, double Slope)? LeastSquares(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        double sxx = 0, sxy = 0;
        foreach (var (x, y) in points)
        {
            sxx += (x - meanX) * (x - meanX);
            sxy += (x - meanX) * (y - meanY);
        }

        if (sxx == 0)
        {
            return null;
        }

        var slope = sxy / sxx;
        return (meanY - (slope * meanX), slope);
    }
}
