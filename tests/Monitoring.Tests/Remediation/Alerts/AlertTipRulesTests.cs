using Monitoring.Remediation.Configuration;
using Monitoring.Service.Configuration;
using Xunit;

namespace Monitoring.Tests.Remediation.Alerts;

public sealed class AlertTipRulesTests
{
    [Fact]
    public void NoRemediationSection_GivesTheDocumentedDefaults()
    {
        var loaded = ConfigurationLoader.Load(null, new Dictionary<string, string?>());

        Assert.Equal(new AutomaticLimits(1, 10, TimeSpan.FromSeconds(5)), loaded.AutomaticLimits);
        Assert.Empty(loaded.AlertTipRules);
    }

    [Fact]
    public void GoodRules_AreRead()
    {
        var loaded = ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["Monitoring__Remediation__Automatic__MaxConcurrent"] = "2",
            ["Monitoring__Remediation__Automatic__MaxPerHour"] = "30",
            ["Monitoring__Remediation__AlertRules__0__Alert"] = "HostDown",
            ["Monitoring__Remediation__AlertRules__0__Action"] = "entermaintenance",
            ["Monitoring__Remediation__AlertRules__0__Labels__0"] = "severity=critical",
            ["Monitoring__Remediation__AlertRules__0__TargetLabel"] = "instance_id",
        });

        Assert.Equal((2, 30), (loaded.AutomaticLimits.MaxConcurrent, loaded.AutomaticLimits.MaxPerHour));
        var rule = Assert.Single(loaded.AlertTipRules);
        Assert.Equal(("HostDown", "enterMaintenance", "instance_id", 2), (rule.Alert, rule.Action, rule.TargetLabel, rule.Priority));
        Assert.Equal("critical", rule.Labels["severity"]);
    }

    [Fact]
    public void BadValues_StopStartUp_WithMessagesNamingTheKeyAndWhatIsAllowed()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, new Dictionary<string, string?>
        {
            ["Monitoring__Remediation__Automatic__MaxConcurrent"] = "0",
            ["Monitoring__Remediation__Automatic__MaxPerHour"] = "5000",
            ["Monitoring__Remediation__AlertRules__0__Action"] = "migrate",
            ["Monitoring__Remediation__AlertRules__0__Labels__0"] = "critical",
            ["Monitoring__Remediation__AlertRules__1__Alert"] = "X",
            ["Monitoring__Remediation__AlertRules__1__Action"] = "hook",
            ["Monitoring__Remediation__AlertRules__1__Severity"] = "urgent",
            ["Monitoring__Remediation__AlertRules__1__Priority"] = "9",
            ["Monitoring__Remediation__AlertRules__2__Alert"] = "Y",
            ["Monitoring__Remediation__AlertRules__2__Action"] = "powerOn",
            ["Monitoring__Remediation__AlertRules__2__Hook"] = "h",
        }));

        var message = e.Message;
        Assert.Contains("Monitoring:Remediation:Automatic:MaxConcurrent: 0 is out of range; allowed 1 to 100 (default 1)", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:Automatic:MaxPerHour: 5000 is out of range; allowed 1 to 1000 (default 10)", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:0:Alert: required", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:0:Action: \"migrate\" is not allowed; use enterMaintenance", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:0:Labels:0: \"critical\" is not allowed; write name=value", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:1:Hook: required with Action hook", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:1:Severity: \"urgent\" is not allowed; use Critical, Warning or Information", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:1:Priority: 9 is out of range; allowed 1 (most urgent) to 5", message, StringComparison.Ordinal);
        Assert.Contains("Monitoring:Remediation:AlertRules:2:Hook: only allowed with Action hook", message, StringComparison.Ordinal);
    }
}
