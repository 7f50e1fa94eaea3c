using Monitoring.Core.Configuration;
using Xunit;

namespace Monitoring.Tests.Core.Configuration;

public sealed class ThresholdsTests
{
    [Fact]
    public void From_NothingSet_DefaultsAsRatiosAndSpans()
    {
        var problems = new List<string>();

        var thresholds = Thresholds.From(new ThresholdOptions(), problems);

        Assert.Empty(problems);
        Assert.Equal(0.85, thresholds.HostCpuWarning);
        Assert.Equal(0.95, thresholds.HostCpuCritical);
        Assert.Equal(TimeSpan.FromMinutes(15), thresholds.HostPressureFor);
        Assert.Equal(TimeSpan.FromHours(24), thresholds.DatastoreFullWithin);
    }

    [Fact]
    public void From_WarningAboveCritical_NamesBothKeys()
    {
        var problems = new List<string>();

        Thresholds.From(new ThresholdOptions { HostMemoryWarningPercent = 97, HostMemoryCriticalPercent = 95 }, problems);

        Assert.Equal("Monitoring:Thresholds:HostMemoryWarningPercent: 97 must be below HostMemoryCriticalPercent (95)", Assert.Single(problems));
    }

    [Fact]
    public void From_OutOfRange_NamesKeyRangeAndDefault()
    {
        var problems = new List<string>();

        var thresholds = Thresholds.From(new ThresholdOptions { HostCpuCriticalPercent = 150 }, problems);

        Assert.Equal("Monitoring:Thresholds:HostCpuCriticalPercent: 150 is out of range; allowed 1 to 100 (default 95)", Assert.Single(problems));
        Assert.Equal(0.95, thresholds.HostCpuCritical);
    }
}
