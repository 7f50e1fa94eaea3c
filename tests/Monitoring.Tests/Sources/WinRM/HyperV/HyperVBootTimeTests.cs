using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.HyperV;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.HyperV;

public sealed class HyperVBootTimeTests
{
    private static readonly DateTimeOffset s_readAt = new(2026, 11, 26, 8, 30, 42, 517, TimeSpan.Zero);

    [Theory]
    [InlineData(PowerState.PoweredOn)]
    [InlineData(PowerState.Suspended)] // paused: started once and not since
    public void From_RunningVm_ReadTimeMinusUptime_RoundedDownToTheMinute(PowerState power)
    {
        // 1 h 10 min 20.5 s before 08:30:42.517 is 07:20:22.017; the minute is 07:20.
        var booted = HyperVBootTime.From(((70 * 60) + 20) * 1000L + 500, power, s_readAt);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 7, 20, 0, TimeSpan.Zero), booted);
    }

    [Fact]
    public void From_ReadsMillisecondsApart_TheSameBootTime()
    {
        const long uptime = 3_600_000;

        var first = HyperVBootTime.From(uptime, PowerState.PoweredOn, s_readAt);
        var next = HyperVBootTime.From(uptime + 5 * 60_000 + 37, PowerState.PoweredOn, s_readAt.AddMinutes(5).AddMilliseconds(41));

        Assert.NotNull(first);
        Assert.Equal(first, next);
    }

    [Fact]
    public void From_ReadTimeWithAnOffset_UtcMinute() =>
        Assert.Equal(
            new DateTimeOffset(2026, 11, 26, 7, 30, 0, TimeSpan.Zero),
            HyperVBootTime.From(60 * 60_000, PowerState.PoweredOn, s_readAt.ToOffset(TimeSpan.FromHours(2))));

    [Theory]
    [InlineData(0L, PowerState.PoweredOn)] // GetSummaryInformation's "not running"
    [InlineData(null, PowerState.PoweredOn)] // not in the reply
    [InlineData(-5L, PowerState.PoweredOn)]
    [InlineData(3_600_000L, PowerState.PoweredOff)]
    [InlineData(long.MaxValue, PowerState.PoweredOn)] // longer than the calendar
    public void From_NotRunningOrNoUptime_Null(long? uptime, PowerState power) =>
        Assert.Null(HyperVBootTime.From(uptime, power, s_readAt));
}
