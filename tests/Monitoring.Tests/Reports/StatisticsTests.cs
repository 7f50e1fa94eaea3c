using Monitoring.Reports.Capacity;
using Xunit;

namespace Monitoring.Tests.Reports;

/// <summary>The statistics behind every capacity figure, on values whose answers are worked out by hand.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Percentile_OneToTen_InterpolatesBetweenClosestRanks()
    {
        double[] values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

        // rank = 0.95 x 9 = 8.55: the 9th and 10th smallest (9 and 10), 55 % of the way.
        Assert.Equal(9.55, Statistics.Percentile(values, 0.95)!.Value, 10);
        Assert.Equal(5.5, Statistics.Percentile(values, 0.5)!.Value, 10);
        Assert.Equal(1, Statistics.Percentile(values, 0)!.Value, 10);
        Assert.Equal(10, Statistics.Percentile(values, 1)!.Value, 10);
    }

    [Fact]
    public void Percentile_OneValueOrNone_IsThatValueOrNull()
    {
        Assert.Equal(0.4, Statistics.Percentile([0.4], 0.95)!.Value, 10);
        Assert.Null(Statistics.Percentile([], 0.95));
        Assert.Null(Statistics.Mean([]));
    }

    [Fact]
    public void LeastSquares_PointsOnALine_ReturnsThatLine()
    {
        var line = Statistics.LeastSquares([(0, 1), (1, 3), (2, 5), (3, 7)])!.Value;

        Assert.Equal(1, line.Intercept, 10);
        Assert.Equal(2, line.Slope, 10);
    }

    [Fact]
    public void LeastSquares_NoisyPoints_MinimisesSquaredDistance()
    {
        // x = 0,1,2 with y = 0,2,1: slope = sum((x-1)(y-1)) / sum((x-1)^2) = 1/2, intercept = 1 - 0.5 = 0.5.
        var line = Statistics.LeastSquares([(0, 0), (1, 2), (2, 1)])!.Value;

        Assert.Equal(0.5, line.Slope, 10);
        Assert.Equal(0.5, line.Intercept, 10);
    }

    [Fact]
    public void LeastSquares_OnePointOrOneX_HasNoLine()
    {
        Assert.Null(Statistics.LeastSquares([(1, 1)]));
        Assert.Null(Statistics.LeastSquares([(1, 1), (1, 2)]));
    }
}
