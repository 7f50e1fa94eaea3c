using Monitoring.Core.Model;
using Monitoring.HealthModel.Monitors;
using Xunit;

namespace Monitoring.Tests.HealthModel;

public sealed class ThresholdMonitorTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static ThresholdMonitor Cpu(int consecutive = 3, double hysteresis = 0) =>
        new("vc01/host-1", "host.cpu", "cpu.usage", new ThresholdSettings(0.80, 0.90, ThresholdDirection.Rising, consecutive, hysteresis));

    private static List<MonitorTransition> Feed(ThresholdMonitor monitor, params double[] values)
    {
        var transitions = new List<MonitorTransition>();
        for (var i = 0; i < values.Length; i++)
        {
            if (monitor.Observe(values[i], s_t0.AddSeconds(20 * i)) is { } t)
            {
                transitions.Add(t);
            }
        }

        return transitions;
    }

    [Fact]
    public void Observe_TwoHighSamplesThenANormalOne_StaysHealthy()
    {
        var monitor = Cpu();

        var transitions = Feed(monitor, 0.5, 0.95, 0.95, 0.5, 0.95, 0.95);

        Assert.Equal(HealthState.Healthy, monitor.State);
        Assert.Equal(HealthState.Healthy, Assert.Single(transitions).To);
    }

    [Fact]
    public void Observe_ThreeConsecutiveCriticalSamples_TurnsCriticalOnTheThirdWithTheThresholdInTheCause()
    {
        var monitor = Cpu();

        var transitions = Feed(monitor, 0.5, 0.95, 0.96, 0.97);

        var critical = transitions[^1];
        Assert.Equal(HealthState.Critical, critical.To);
        Assert.Equal(s_t0.AddSeconds(60), critical.At);
        Assert.Equal("cpu.usage 0.97: at or above critical 0.9 for 3 consecutive samples", critical.Cause);
    }

    [Fact]
    public void Observe_MixedWarningAndCriticalRun_EscalatesToTheLevelAllSamplesReach()
    {
        var monitor = Cpu();

        Feed(monitor, 0.5, 0.85, 0.95, 0.95);

        Assert.Equal(HealthState.Warning, monitor.State);
    }

    [Fact]
    public void Observe_WithHysteresis_ValueJustUnderTheThresholdKeepsTheState()
    {
        var monitor = Cpu(consecutive: 1, hysteresis: 0.05);
        Feed(monitor, 0.95);
        Assert.Equal(HealthState.Critical, monitor.State);

        // 0.88 is under critical 0.90 but not by more than 0.05: still critical.
        Assert.Empty(Feed(monitor, 0.88, 0.86));
        Assert.Equal(HealthState.Critical, monitor.State);

        var eased = Assert.Single(Feed(monitor, 0.84));
        Assert.Equal(HealthState.Warning, eased.To);
        Assert.Contains("back below critical 0.9 by more than 0.05", eased.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_WithoutHysteresis_ValueHoveringAtTheThresholdTogglesTheState()
    {
        var withHysteresis = Cpu(consecutive: 1, hysteresis: 0.05);
        var without = Cpu(consecutive: 1);
        double[] hovering = [0.5, 0.91, 0.89, 0.91, 0.89, 0.91];

        Assert.Equal(6, Feed(without, hovering).Count);
        Assert.Equal(2, Feed(withHysteresis, hovering).Count); // healthy, then critical once
    }

    [Fact]
    public void Observe_RecoveryNeedsConsecutiveHealthySamplesToo()
    {
        var monitor = Cpu();
        Feed(monitor, 0.5, 0.95, 0.95, 0.95);

        Assert.Empty(Feed(monitor, 0.5, 0.5, 0.95, 0.5, 0.5));
        var recovered = Assert.Single(Feed(monitor, 0.5));
        Assert.Equal(HealthState.Healthy, recovered.To);
    }

    [Fact]
    public void Observe_FallingThresholds_LowFreeSpaceIsCritical()
    {
        var monitor = new ThresholdMonitor("vc01/datastore-1", "datastore.space", "datastore.free",
            new ThresholdSettings(0.15, 0.05, ThresholdDirection.Falling, 1, 0.02));

        Feed(monitor, 0.5, 0.04);
        Assert.Equal(HealthState.Critical, monitor.State);
        Feed(monitor, 0.06);
        Assert.Equal(HealthState.Critical, monitor.State); // not above 0.05 by more than 0.02
        Feed(monitor, 0.08);
        Assert.Equal(HealthState.Warning, monitor.State);
    }

    [Theory]
    [InlineData(0.9, 0.8, ThresholdDirection.Rising, "warning 0.9 must be below critical 0.8")]
    [InlineData(0.05, 0.15, ThresholdDirection.Falling, "warning 0.05 must be above critical 0.15")]
    [InlineData(0.8, 1.5, ThresholdDirection.Rising, "critical threshold 1.5 can never be reached: the value ranges from 0 to 1")]
    public void Problems_ImpossibleThresholds_AreNamed(double warning, double critical, ThresholdDirection direction, string expected)
    {
        var problems = new ThresholdSettings(warning, critical, direction).Problems(0, 1);

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_ZeroConsecutiveSamplesAndNegativeHysteresis_AreBothNamed()
    {
        var problems = new ThresholdSettings(0.8, 0.9, ConsecutiveSamples: 0, Hysteresis: -1).Problems();

        Assert.Equal(["consecutive samples 0 must be between 1 and 1000", "hysteresis -1 must be zero or more"], problems);
    }
}
