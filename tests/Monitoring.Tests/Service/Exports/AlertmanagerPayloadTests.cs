using Monitoring.HealthModel.Alerts;
using Monitoring.Service.Exports;
using Monitoring.Service.Exports.Alertmanager;
using Xunit;
using A = Monitoring.Tests.Service.Exports.ExportTestAlerts;

namespace Monitoring.Tests.Service.Exports;

public sealed class AlertmanagerPayloadTests
{
    [Fact]
    public void Firing_UnreachableTarget_CarriesExactlyTheContractLabelsAndNoEnd()
    {
        var posted = AlertmanagerPayload.Firing(A.Unreachable());

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["alertname"] = "VirtTargetUnreachable",
                ["severity"] = "critical",
                ["source"] = "monitoring",
                ["target"] = "vc01",
                ["object"] = "target:vc01",
            },
            posted.Labels);
        Assert.Equal(["description", "summary"], posted.Annotations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("VirtTargetUnreachable on target:vc01", posted.Annotations["summary"]);
        Assert.Equal(A.Raised, posted.StartsAt);
        Assert.Null(posted.EndsAt);
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, "critical")]
    [InlineData(AlertSeverity.Warning, "warning")]
    [InlineData(AlertSeverity.Information, "info")]
    public void SeverityLabel_EachSeverity_IsTheContractWord(AlertSeverity severity, string label) =>
        Assert.Equal(label, AlertmanagerPayload.Firing(A.HostCpu(severity: severity)).Labels["severity"]);

    [Theory]
    [InlineData("vc01/host-1", "vc01")]
    [InlineData("hv-01/Microsoft:ABC/DEF", "hv-01")]
    [InlineData("target:vc01", "vc01")]
    [InlineData("group:prod", "")]
    [InlineData("estate", "")]
    public void TargetLabel_ObjectIds_AreTheirTargetsConfigName(string objectId, string target) =>
        Assert.Equal(target, AlertTargets.Of(objectId));

    [Fact]
    public void Resolved_ClosedAlert_EndsWhenItWasResolved()
    {
        var closedAt = A.Raised.AddMinutes(3);

        var posted = AlertmanagerPayload.Resolved(A.Closed(A.Unreachable(), closedAt), closedAt);

        Assert.Equal(closedAt, posted.EndsAt);
        Assert.Equal(AlertmanagerPayload.Firing(A.Unreachable()).LabelKey, posted.LabelKey);
    }

    [Fact]
    public void AlertsUrl_BaseWithAPathPrefix_KeepsThePrefix()
    {
        Assert.Equal("http://am:9093/api/v2/alerts", AlertmanagerClient.AlertsUrl(new Uri("http://am:9093")).ToString());
        Assert.Equal("https://proxy/alertmanager/api/v2/alerts", AlertmanagerClient.AlertsUrl(new Uri("https://proxy/alertmanager/")).ToString());
    }
}
