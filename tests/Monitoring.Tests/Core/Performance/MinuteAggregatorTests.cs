using Monitoring.Core.Model;
using Monitoring.Core.Performance;
using Xunit;

namespace Monitoring.Tests.Core.Performance;

public sealed class MinuteAggregatorTests
{
    private static readonly DateTimeOffset s_minute = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeChanges_ThreeSamplesOfAMinute_GivesTheirAverageMinimumAndMaximum()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add([Sample(20, 0.2), Sample(40, 0.4), Sample(60, 0.9)]);

        var minute = Assert.Single(aggregator.TakeChanges(s_minute.AddMinutes(5)));

        Assert.Equal(s_minute.ToUnixTimeSeconds(), minute.MinuteStart);
        Assert.Equal(0.5, minute.Average, 10);
        Assert.Equal(0.2, minute.Minimum);
        Assert.Equal(0.9, minute.Maximum);
        Assert.Equal(3, minute.Count);
    }

    [Fact]
    public void Add_OverlappingReads_CountsEachSampleOnce()
    {
        var aggregator = new MinuteAggregator();

        // Each realtime pass asks for the last three samples, newest first, so reads overlap.
        Assert.Equal(2, aggregator.Add([Sample(40, 0.4), Sample(20, 0.2)]));
        Assert.Equal(1, aggregator.Add([Sample(60, 0.6), Sample(40, 0.4), Sample(20, 0.2)]));

        var minute = Assert.Single(aggregator.TakeChanges(s_minute.AddMinutes(5)));
        Assert.Equal(3, minute.Count);
        Assert.Equal(0.4, minute.Average, 10);
    }

    [Fact]
    public void TakeChanges_OpenMinute_IsHandedOutAgainOnlyWhenItGainsSamples()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add([Sample(20, 0.2)]);
        var cutoff = s_minute; // the minute is still open

        var first = Assert.Single(aggregator.TakeChanges(cutoff));
        Assert.Empty(aggregator.TakeChanges(cutoff));
        aggregator.Add([Sample(40, 0.4)]);
        var second = Assert.Single(aggregator.TakeChanges(cutoff));

        Assert.Equal(1, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Equal(0.3, second.Average, 10);
        Assert.Equal(1, aggregator.OpenMinutes);
    }

    [Fact]
    public void TakeChanges_ClosedMinute_IsForgottenAndLateSamplesDoNotReopenIt()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add([Sample(20, 0.2), Sample(40, 0.4), Sample(60, 0.6)]);
        Assert.Single(aggregator.TakeChanges(s_minute.AddMinutes(2)));

        var late = aggregator.Add([Sample(40, 0.9)]);

        Assert.Equal(0, late);
        Assert.Empty(aggregator.TakeChanges(s_minute.AddMinutes(2)));
        Assert.Equal(0, aggregator.OpenMinutes);
    }

    [Fact]
    public void MinuteOf_SampleStampedOnTheMinute_BelongsToThePreviousMinute()
    {
        var end = s_minute.AddMinutes(1).ToUnixTimeSeconds();

        Assert.Equal(s_minute.ToUnixTimeSeconds(), MinuteAggregator.MinuteOf(end));
        Assert.Equal(s_minute.AddMinutes(1).ToUnixTimeSeconds(), MinuteAggregator.MinuteOf(end + 20));
    }

    [Fact]
    public void Retain_ObjectNoLongerReported_ForgetsItsSeries()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add([Sample(20, 0.2), new PerformanceSample("vc/vm-2", PerformanceMetric.CpuUsage, s_minute.AddSeconds(20), 0.1)]);

        aggregator.Retain(new HashSet<string> { "vc/vm-1" });

        Assert.Equal(1, aggregator.Series);
    }

    [Fact]
    public void Add_SeveralObjectsAndMetricsInterleaved_AggregatesEachSeriesOnItsOwn()
    {
        var aggregator = new MinuteAggregator();

        // As a collector delivers them (object by object, newest first), and as a second source might (mixed).
        aggregator.Add(
        [
            Of("vc/vm-1", PerformanceMetric.CpuUsage, 40, 0.4), Of("vc/vm-1", PerformanceMetric.MemoryUsage, 40, 0.8), Of("vc/vm-1", PerformanceMetric.CpuUsage, 20, 0.2),
            Of("vc/vm-2", PerformanceMetric.CpuUsage, 20, 0.1), Of("vc/vm-1", PerformanceMetric.MemoryUsage, 20, 0.6), Of("vc/vm-2", PerformanceMetric.CpuUsage, 40, 0.3),
        ]);
        aggregator.Add([Of("vc/vm-2", PerformanceMetric.CpuUsage, 60, 0.5), Of("vc/vm-1", PerformanceMetric.MemoryUsage, 60, 0.7), Of("vc/vm-1", PerformanceMetric.MemoryUsage, 40, 0.8)]);

        var minutes = aggregator.TakeChanges(s_minute.AddMinutes(5)).ToDictionary(m => (m.ObjectId, m.Metric));

        Assert.Equal(3, aggregator.Series);
        Assert.Equal(3, minutes.Count);
        Assert.Equal((0.3, 2), (Math.Round(minutes[("vc/vm-1", PerformanceMetric.CpuUsage)].Average, 10), minutes[("vc/vm-1", PerformanceMetric.CpuUsage)].Count));
        Assert.Equal((0.7, 3), (Math.Round(minutes[("vc/vm-1", PerformanceMetric.MemoryUsage)].Average, 10), minutes[("vc/vm-1", PerformanceMetric.MemoryUsage)].Count));
        Assert.Equal((0.3, 3), (Math.Round(minutes[("vc/vm-2", PerformanceMetric.CpuUsage)].Average, 10), minutes[("vc/vm-2", PerformanceMetric.CpuUsage)].Count));
    }

    [Fact]
    public void Retain_ObjectGoneWithAnOpenMinute_HandsThatMinuteOutOnceThenForgetsTheObject()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add([Of("vc/vm-1", PerformanceMetric.CpuUsage, 20, 0.2), Of("vc/vm-1", PerformanceMetric.MemoryUsage, 20, 0.5), Of("vc/vm-2", PerformanceMetric.CpuUsage, 20, 0.1)]);

        aggregator.Retain(new HashSet<string> { "vc/vm-2" });
        var open = aggregator.TakeChanges(s_minute);

        Assert.Equal(3, open.Count);
        Assert.Equal(1, aggregator.Series);
        Assert.Equal(3, aggregator.OpenMinutes);
        Assert.Empty(aggregator.TakeChanges(s_minute.AddMinutes(2)));
        Assert.Equal(0, aggregator.OpenMinutes);

        // vm-1 comes back: its series is tracked again.
        Assert.Equal(1, aggregator.Add([Of("vc/vm-1", PerformanceMetric.CpuUsage, 140, 0.9)]));
        Assert.Equal(2, aggregator.Series);
    }

    private static PerformanceSample Of(string objectId, string metric, int secondsAfterMinute, double value) =>
        new(objectId, metric, s_minute.AddSeconds(secondsAfterMinute), value);

    private static PerformanceSample Sample(int secondsAfterMinute, double value) =>
        new("vc/vm-1", PerformanceMetric.CpuUsage, s_minute.AddSeconds(secondsAfterMinute), value);
}
