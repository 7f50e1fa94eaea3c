using Monitoring.Reports.Capacity;
using Xunit;

namespace Monitoring.Tests.Reports;

/// <summary>Days until exhaustion from the least-squares trend.</summary>
public sealed class TrendTests
{
    [Fact]
    public void Fit_RisingOnePointADay_ReachesTheLimitWhenTheLineDoes()
    {
        // 50 % at day 0, +1 point a day: 80 % at day 30, 100 % at day 50, so 20 days after the window's end.
        var points = Enumerable.Range(0, 31).Select(d => ((double)d, 0.5 + (0.01 * d))).ToList();

        var trend = Trend.Fit(points, endDay: 30, limit: 1.0)!;

        Assert.Equal(0.01, trend.SlopePerDay, 10);
        Assert.Equal(0.8, trend.Current, 10);
        Assert.Equal(20, trend.DaysToExhaustion!.Value, 6);
    }

    [Fact]
    public void Fit_TargetRatioBelowFull_CountsDaysToTheTarget()
    {
        var points = Enumerable.Range(0, 31).Select(d => ((double)d, 0.5 + (0.01 * d))).ToList();

        Assert.Equal(10, Trend.Fit(points, 30, 0.9)!.DaysToExhaustion!.Value, 6);
    }

    [Fact]
    public void Fit_FlatOrFalling_NeverExhausts()
    {
        var flat = Enumerable.Range(0, 10).Select(d => ((double)d, 0.6)).ToList();
        var falling = Enumerable.Range(0, 10).Select(d => ((double)d, 0.6 - (0.02 * d))).ToList();

        Assert.Null(Trend.Fit(flat, 10, 1.0)!.DaysToExhaustion);
        Assert.Null(Trend.Fit(falling, 10, 1.0)!.DaysToExhaustion);
    }

    [Fact]
    public void Fit_AlreadyOverTheLimit_IsZeroDays()
    {
        var points = Enumerable.Range(0, 10).Select(d => ((double)d, 1.1 + (0.001 * d))).ToList();

        Assert.Equal(0, Trend.Fit(points, 10, 1.0)!.DaysToExhaustion);
    }
}
