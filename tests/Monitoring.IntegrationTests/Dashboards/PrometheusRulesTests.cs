using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Dashboards;

/// <summary>Prometheus's own tool (Debian package prometheus) on the shipped rules: they load, and their
/// unit tests in dashboards/tests/ make every alert fire on broken series and stay quiet on healthy ones.</summary>
public sealed class PrometheusRulesTests
{
    [Fact]
    public async Task PromtoolCheckRules_EveryRulesFile_Passes()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "dashboards", "prometheus"), "*.yml");
        Assert.NotEmpty(files);

        var (exitCode, output) = await Promtool.RunAsync(["check", "rules", .. files]);

        Assert.True(exitCode == 0, $"promtool check rules failed:\n{output}");
    }

    [Fact]
    public async Task PromtoolTestRules_UnitTests_EveryAlertFiresAndHealthySeriesStayQuiet()
    {
        var tests = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "dashboards", "tests"), "*.test.yml");
        Assert.NotEmpty(tests);

        var (exitCode, output) = await Promtool.RunAsync(["test", "rules", .. tests]);

        Assert.True(exitCode == 0, $"promtool test rules failed:\n{output}");
        var tested = File.ReadAllText(tests.Single()).Split('\n').Where(l => l.TrimStart().StartsWith("alertname:", StringComparison.Ordinal)).Select(l => l.Split(':')[1].Trim()).ToHashSet();
        var shipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "dashboards", "prometheus", "virt-rules.yml")).Split('\n').Where(l => l.TrimStart().StartsWith("- alert:", StringComparison.Ordinal)).Select(l => l.Split(':')[1].Trim().Trim('"')).ToHashSet();
        Assert.Subset(tested, shipped);
    }

    [Fact]
    public async Task PromtoolCheckMetrics_GoldenExposition_Passes()
    {
        var golden = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "Monitoring.Tests", "TestData", "metrics", "golden.prom"));

        var (exitCode, output) = await Promtool.CheckMetricsAsync(golden);

        Assert.True(exitCode == 0, $"promtool check metrics failed on the golden exposition:\n{output}");
    }
}
