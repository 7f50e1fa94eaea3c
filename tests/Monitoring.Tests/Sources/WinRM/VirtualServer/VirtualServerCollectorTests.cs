using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.VirtualServer;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.VirtualServer;

public sealed class VirtualServerCollectorTests
{
    [Theory]
    [InlineData(100L, 8640L, HealthState.Healthy)]
    [InlineData(50L, 8640L, HealthState.Warning)]
    [InlineData(0L, 8640L, HealthState.Critical)] // heartbeats seen before, none now: the guest hangs
    [InlineData(0L, 0L, HealthState.Unknown)] // never a heartbeat: no VM Additions
    [InlineData(null, 10L, HealthState.Unknown)]
    public void HeartbeatHealth_PercentageAndCount_GiveTheVmsHealth(long? percentage, long? count, HealthState expected) =>
        Assert.Equal(expected, VirtualServerCollector.HeartbeatHealth(percentage, count).State);
}
