using Monitoring.Service.Exports;
using Xunit;

namespace Monitoring.Tests.Service.Exports;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(1000, 300)]
    public void After_FailuresInARow_DoublesFromOneSecondUpToFiveMinutes(int failures, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.After(failures));

    [Fact]
    public void After_ACapBelowTheDefault_IsHonoured() =>
        Assert.Equal(TimeSpan.FromSeconds(60), Backoff.After(12, TimeSpan.FromSeconds(60)));
}
