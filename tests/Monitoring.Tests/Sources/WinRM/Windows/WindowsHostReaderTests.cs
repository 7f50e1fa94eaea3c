using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;
using Xunit;

namespace Monitoring.Tests.Sources.WinRM.Windows;

public sealed class WindowsHostReaderTests
{
    [Theory]
    [InlineData("OK", HealthState.Healthy)]
    [InlineData("Degraded", HealthState.Warning)]
    [InlineData("Pred Fail", HealthState.Warning)]
    [InlineData("Error", HealthState.Critical)]
    [InlineData("Lost Comm", HealthState.Critical)]
    [InlineData("Starting", HealthState.Unknown)]
    [InlineData(null, HealthState.Unknown)]
    public void HealthOf_ComputerSystemStatus_MapsToHealth(string? status, HealthState expected) =>
        Assert.Equal(expected, WindowsHostReader.HealthOf(status).State);
}
