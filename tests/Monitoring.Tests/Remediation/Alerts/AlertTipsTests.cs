using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Configuration;
using Monitoring.Remediation.Alerts;
using Monitoring.Remediation.Tips;
using Xunit;

namespace Monitoring.Tests.Remediation.Alerts;

/// <summary>Alert rules to tips: one occurrence of an alert, one tip; its resolve closes it; a copy of our own alert attaches.</summary>
public sealed class AlertTipsTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(s_t0);
    private readonly InMemoryTipStore _store = new();
    private readonly TipLifecycle _lifecycle;

    public AlertTipsTests() => _lifecycle = new TipLifecycle(_store, _clock);

    private AlertTips Tips(params AlertTipRuleOptions[] rules)
    {
        var problems = new List<string>();
        var valid = AlertTipRules.From(rules, problems);
        Assert.Empty(problems);
        return new AlertTips(_store, _lifecycle, new AlertTipMapper(valid));
    }

    private static AlertTipRuleOptions Rule(string alert, string action, string? hook = null, params string[] labels)
    {
        var rule = new AlertTipRuleOptions { Alert = alert, Action = action, Hook = hook };
        foreach (var label in labels)
        {
            rule.Labels.Add(label);
        }

        return rule;
    }

    private static AlertFacts Foreign(string fingerprint, DateTimeOffset startsAt, string name = "HostDown", string severity = "critical", string host = "vc01/host-9") =>
        new(AlertConditionKeys.Fingerprint(fingerprint, startsAt), name,
            new Dictionary<string, string> { ["alertname"] = name, ["severity"] = severity, ["object"] = host, ["team"] = "ops" }, "host stopped answering");

    [Fact]
    public void FiringManyTimes_RaisesOneTip_ResolvedClosesIt_AndFiringAgainLaterRaisesANewOne()
    {
        var tips = Tips(Rule("HostDown", "enterMaintenance"));
        var hostGroups = new Dictionary<string, string> { ["vc01/host-9"] = "vc01/domain-c7" };

        var first = tips.Firing(Foreign("a1b2c3d4e5f60718", s_t0), "alertmanager", hostGroups.GetValueOrDefault);
        for (var i = 0; i < 4; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(("existing", first.Tip!.Id), (tips.Firing(Foreign("a1b2c3d4e5f60718", s_t0), "alertmanager", hostGroups.GetValueOrDefault) is var o ? o.What : null, o.Tip!.Id));
        }

        var tip = Assert.Single(_store.List(null, null));
        Assert.Equal("raised", first.What);
        Assert.Equal((TipAction.EnterMaintenance, "vc01/host-9", "vc01/domain-c7", TipSeverity.Critical), (tip.Action.Kind, tip.Action.Parameters["host"], tip.HostGroup, tip.Severity));
        Assert.Equal("Put vc01/host-9 in maintenance: HostDown", tip.Summary);
        Assert.Contains("host stopped answering", tip.Details, StringComparison.Ordinal);

        var closed = tips.Resolved(AlertConditionKeys.Fingerprint("a1b2c3d4e5f60718", s_t0), "alertmanager");
        Assert.Equal(("closed", TipStatus.Closed), (closed.What, _lifecycle.Get(tip.Id).Status));
        Assert.Equal("alertmanager", _lifecycle.Get(tip.Id).History[^1].By);

        // A late re-send of the same occurrence raises nothing; the alert firing again (a new startsAt) does.
        Assert.Equal("existing", tips.Firing(Foreign("a1b2c3d4e5f60718", s_t0), "alertmanager", _ => null).What);
        Assert.Equal("raised", tips.Firing(Foreign("a1b2c3d4e5f60718", s_t0.AddHours(1)), "alertmanager", _ => null).What);
        Assert.Equal(2, _store.List(null, null).Count);
    }

    [Fact]
    public void DismissedTip_IsNotRaisedAgainByAReSend()
    {
        var tips = Tips(Rule("HostDown", "enterMaintenance"));
        var raised = tips.Firing(Foreign("ff00", s_t0), "alertmanager", _ => null);
        _lifecycle.Dismiss(raised.Tip!.Id, "operator-key");

        Assert.Equal("existing", tips.Firing(Foreign("ff00", s_t0), "alertmanager", _ => null).What);
        Assert.Equal(TipStatus.Dismissed, Assert.Single(_store.List(null, null)).Status);
    }

    [Fact]
    public void Rules_MatchByNameAndLabels_FirstMatchWins_UnmatchedAlertsAreIgnoredWithAReason()
    {
        var tips = Tips(
            Rule("HostDown", "hook", "page-oncall", "severity=warning"),
            Rule("HostDown", "enterMaintenance", null, "team=ops"));

        var warning = tips.Firing(Foreign("01", s_t0, severity: "warning"), "alertmanager", _ => null);
        Assert.Equal((TipAction.Hook, "page-oncall", TipSeverity.Warning), (warning.Tip!.Action.Kind, warning.Tip.Action.Parameters["hook"], warning.Tip.Severity));

        var critical = tips.Firing(Foreign("02", s_t0), "alertmanager", _ => null);
        Assert.Equal(TipAction.EnterMaintenance, critical.Tip!.Action.Kind);

        var other = tips.Firing(Foreign("03", s_t0, name: "DiskFull"), "alertmanager", _ => null);
        Assert.Equal(("ignored", null), (other.What, other.Tip));
        Assert.Contains("no rule", other.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryTemplate_SeverityAndPriority_ComeFromTheRule()
    {
        var rule = Rule("VmStopped", "powerOn");
        rule.Summary = "Start {target} ({alertname}, team {label:team})";
        rule.Severity = "Critical";
        rule.Priority = 1;
        var tips = Tips(rule);

        var tip = tips.Firing(Foreign("0a", s_t0, name: "VmStopped", severity: "warning", host: "vc01/vm-3"), "alertmanager", _ => null).Tip!;

        Assert.Equal(("Start vc01/vm-3 (VmStopped, team ops)", TipSeverity.Critical, 1, "vc01/vm-3"), (tip.Summary, tip.Severity, tip.Priority, tip.Action.Parameters["vm"]));
    }

    [Fact]
    public void OurAlertDeliveredBackByAlertmanager_AttachesToTheTipOurAlertRaised_OnceAndNeverRaises()
    {
        var tips = Tips(Rule("VirtTargetUnreachable", "hook", "restart-agent"));
        var labels = new Dictionary<string, string> { ["alertname"] = "VirtTargetUnreachable", ["severity"] = "critical", ["source"] = "monitoring", ["target"] = "vc1", ["object"] = "target:vc1" };
        var ours = tips.Firing(new AlertFacts(AlertConditionKeys.Ours("target:vc1", "VirtTargetUnreachable", s_t0), "VirtTargetUnreachable", labels, "unreachable"), "alert rule", _ => null);
        Assert.True(AlertTips.IsOurs(labels));

        for (var i = 0; i < 3; i++)
        {
            var attached = tips.Attach("target:vc1", "VirtTargetUnreachable", "fingerprint 9f", "alertmanager");
            Assert.Equal(("attached", ours.Tip!.Id), (attached.What, attached.Tip!.Id));
        }

        var tip = Assert.Single(_store.List(null, null));
        Assert.Equal(["raised by alert rule", "also delivered by Alertmanager (fingerprint 9f)"], tip.History.Select(h => h.Note == tip.Summary ? "raised by " + h.By : h.Note));

        // Another object's copy finds no tip of ours: nothing is raised.
        Assert.Equal("ignored", tips.Attach("target:vc2", "VirtTargetUnreachable", "fingerprint 10", "alertmanager").What);
        Assert.Single(_store.List(null, null));
    }

    [Fact]
    public void ResolvedWhileTheTipIsBeingImplemented_LeavesItToFinish()
    {
        var tips = Tips(Rule("HostDown", "enterMaintenance"));
        var tip = tips.Firing(Foreign("77", s_t0), "alertmanager", _ => null).Tip!;
        _lifecycle.Implement(tip.Id, "operator-key");

        var resolved = tips.Resolved(AlertConditionKeys.Fingerprint("77", s_t0), "alertmanager");

        Assert.Equal(("existing", TipStatus.Initialized), (resolved.What, _lifecycle.Get(tip.Id).Status));
    }

    [Fact]
    public void ConditionKeys_AreNeverPrefixesOfOneAnother()
    {
        string[] keys =
        [
            AlertConditionKeys.Ours("vc1/vm-1", "X", s_t0), AlertConditionKeys.Ours("vc1/vm-10", "X", s_t0),
            AlertConditionKeys.Ours("vc1/vm-1", "XY", s_t0), AlertConditionKeys.Ours("vc1", "vm-1/X", s_t0),
            AlertConditionKeys.Fingerprint("ab", s_t0), AlertConditionKeys.Fingerprint("abc", s_t0),
        ];

        foreach (var a in keys)
        {
            Assert.DoesNotContain(keys, b => b != a && b.StartsWith(a, StringComparison.Ordinal));
        }
    }
}
