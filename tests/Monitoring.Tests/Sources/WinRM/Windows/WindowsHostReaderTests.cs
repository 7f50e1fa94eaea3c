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

    [Fact]
    public void WholeSecond_BootTimeWithMicroseconds_TheSecondInUtc() =>
        Assert.Equal(
            new DateTimeOffset(2013, 4, 29, 18, 43, 11, TimeSpan.Zero),
            WindowsHostReader.WholeSecond(new DateTimeOffset(2013, 4, 29, 11, 43, 11, 203, TimeSpan.FromHours(-7)).AddTicks(1_250)));

    [Fact]
    public void WholeSecond_Unknown_Null() => Assert.Null(WindowsHostReader.WholeSecond(null));
}
