using Monitoring.Core.Configuration;
using Monitoring.Service.Cli;
using Monitoring.Service.Configuration;
using Monitoring.Service.Rules;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Rules;

/// <summary>The rules file in dashboards/ is what `monitoring rules` generates for the default
/// thresholds, and every alert in it has its runbook.</summary>
public sealed class CheckedInRulesTests
{
    private const string RulesFile = "dashboards/prometheus/virt-rules.yml";

    [Fact]
    public void CheckedInRules_DefaultThresholds_EqualWhatTheCommandGenerates()
    {
        var generated = RulesVerb.Generate(ConfigurationLoader.Load(null, new Dictionary<string, string?>()));

        var checkedIn = File.ReadAllText(SourceTree.PathOf(RulesFile));

        Assert.True(
            generated == checkedIn,
            $"{RulesFile} differs from the output of `monitoring rules` for the default thresholds: run scripts/generate-rules.sh and commit the result.");
    }

    [Fact]
    public void Generate_ThresholdsFromConfiguration_ReachTheRules()
    {
        var configuration = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["Monitoring__Thresholds__HostCpuWarningPercent"] = "70",
            ["Monitoring__Thresholds__HostPressureMinutes"] = "90",
            ["Monitoring__Alerting__RunbookBaseUrl"] = "https://wiki.example.net/runbooks/",
        });

        var yaml = RulesVerb.Generate(configuration);

        Assert.Contains("expr: \"virt_host_cpu_usage_ratio > 0.7\"\n        for: 90m\n", yaml, StringComparison.Ordinal);
        Assert.Contains("runbook_url: \"https://wiki.example.net/runbooks/virt-host-cpu-pressure.md\"", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("> 0.85", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAlert_HasARunbookPageThatNamesIt()
    {
        var alerts = RuleSet.Build(Thresholds.Default, RuleSet.DefaultRunbookBaseUrl).SelectMany(g => g.Alerts).Select(a => a.Name).Distinct().ToList();

        Assert.NotEmpty(alerts);
        Assert.All(alerts, alert =>
        {
            Assert.StartsWith("Virt", alert, StringComparison.Ordinal);
            var page = SourceTree.PathOf("docs/runbooks/" + RuleSet.RunbookPage(alert));
            Assert.True(File.Exists(page), $"no runbook for {alert}: {page}");
            Assert.Contains(alert, File.ReadAllText(page), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(15, "15m")]
    [InlineData(60, "1h")]
    [InlineData(1440, "24h")]
    [InlineData(90, "90m")]
    public void PromDuration_Minutes_WrittenInTheLargestWholeUnit(int minutes, string expected) =>
        Assert.Equal(expected, PromDuration.Format(TimeSpan.FromMinutes(minutes)));
}
