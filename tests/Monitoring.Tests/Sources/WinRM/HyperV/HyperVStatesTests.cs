using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.HyperV;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.HyperV;

public sealed class HyperVStatesTests
{
    [Theory]
    [InlineData(2, false, PowerState.PoweredOn)]
    [InlineData(3, false, PowerState.PoweredOff)]
    [InlineData(32768, false, PowerState.Suspended)] // v1 paused
    [InlineData(32769, false, PowerState.Suspended)] // v1 saved
    [InlineData(32770, false, PowerState.Unknown)] // v1 starting
    [InlineData(6, false, PowerState.Unknown)] // not a v1 value
    [InlineData(2, true, PowerState.PoweredOn)]
    [InlineData(3, true, PowerState.PoweredOff)]
    [InlineData(6, true, PowerState.Suspended)] // v2 enabled but offline: saved
    [InlineData(9, true, PowerState.Suspended)] // v2 quiesce: paused
    [InlineData(32769, true, PowerState.Unknown)] // not a v2 value
    [InlineData(10, true, PowerState.Unknown)] // v2 starting
    public void PowerOf_EnabledState_DecodesPerNamespace(long enabledState, bool v2, PowerState expected) =>
        Assert.Equal(expected, HyperVStates.PowerOf(enabledState, v2));

    [Theory]
    [InlineData(5, 2, HealthState.Healthy)]
    [InlineData(10, 2, HealthState.Warning)]
    [InlineData(20, 2, HealthState.Critical)]
    [InlineData(25, 2, HealthState.Critical)]
    [InlineData(5, 13, HealthState.Warning)] // running, heartbeat lost
    [InlineData(5, 6, HealthState.Warning)] // running, heartbeat error
    public void HealthOf_RunningVm_CombinesHealthStateAndHeartbeat(long healthState, long heartbeat, HealthState expected) =>
        Assert.Equal(expected, HyperVStates.HealthOf(healthState, heartbeat, PowerState.PoweredOn).State);

    [Fact]
    public void HealthOf_StoppedVmWithoutHeartbeat_IsHealthy() =>
        Assert.Equal(HealthState.Healthy, HyperVStates.HealthOf(5, 12, PowerState.PoweredOff).State);
}
