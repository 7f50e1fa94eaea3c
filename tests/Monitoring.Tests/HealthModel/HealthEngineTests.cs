using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using ReportedHealth = Monitoring.Core.Model.Health;
using Monitoring.HealthModel;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Monitors;
using Monitoring.HealthModel.Settings;
using Xunit;
using E = Monitoring.Tests.HealthModel.HealthTestEstate;

namespace Monitoring.Tests.HealthModel;

public sealed class HealthEngineTests
{
    private const string Cpu = PerformanceMetric.CpuUsage;

    [Fact]
    public void RecordSample_HostRunsHot_CriticalAfterThreeSamplesWithHistoryRollupAndOneAlert()
    {
        var estate = new E();
        var engine = estate.Engine();

        estate.Sample(engine, E.Standalone, Cpu, 0.40, 0.95, 0.96, 0.97);

        var view = engine.HealthOf(E.Standalone);
        Assert.Equal(HealthState.Critical, view.Health.State);
        Assert.Equal("monitor host.cpu is critical", view.Health.Cause);
        var changes = engine.History(E.Standalone, E.Start).Where(c => c.Monitor == "host.cpu").ToList();
        Assert.Equal([HealthState.Healthy, HealthState.Critical], changes.Select(c => c.To));
        Assert.Equal(E.Start.AddSeconds(60), changes[1].At);
        Assert.Contains("at or above critical 0.9 for 3 consecutive samples", changes[1].Cause, StringComparison.Ordinal);
        Assert.Contains(engine.History(HealthTopology.EstateId, E.Start), c => c.Monitor is null && c.To == HealthState.Critical);

        var alert = Assert.Single(engine.Alerts.List());
        Assert.Equal(("VirtHostCpuPressure", AlertSeverity.Critical, AlertPriority.High, E.Standalone, 0),
            (alert.Name, alert.Severity, alert.Priority, alert.ObjectId, alert.RepeatCount));
    }

    [Fact]
    public void RecordSample_WarningThenCritical_TheOpenAlertFollowsTheSeverityWithoutADuplicate()
    {
        var estate = new E();
        var engine = estate.Engine();

        estate.Sample(engine, E.Standalone, Cpu, 0.40, 0.85, 0.85, 0.85);
        Assert.Equal(AlertSeverity.Warning, Assert.Single(engine.Alerts.List()).Severity);
        estate.Sample(engine, E.Standalone, Cpu, 0.95, 0.95, 0.95);

        var alert = Assert.Single(engine.Alerts.List(includeClosed: true));
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Contains(alert.Comments, c => c.Text.StartsWith("severity Warning -> Critical", StringComparison.Ordinal));
    }

    [Fact]
    public void RecordSample_MonitorHealthyAgain_AlertAutoResolvesBySystem()
    {
        var estate = new E();
        var engine = estate.Engine();
        estate.Sample(engine, E.Standalone, Cpu, 0.40, 0.95, 0.95, 0.95);

        estate.Sample(engine, E.Standalone, Cpu, 0.50, 0.50, 0.50);

        Assert.Empty(engine.Alerts.List());
        var alert = Assert.Single(engine.Alerts.List(includeClosed: true));
        Assert.Equal(ResolutionState.Closed, alert.ResolutionState);
        Assert.Equal(AlertTracker.SystemActor, alert.ResolvedBy);
        Assert.Equal(E.Start.AddSeconds(120), alert.ResolvedAt);
        Assert.StartsWith("resolution state New -> Closed: auto-resolved: Host CPU pressure is healthy again", alert.Comments[^1].Text, StringComparison.Ordinal);
        Assert.Equal(HealthState.Healthy, engine.HealthOf(E.Standalone).Health.State);
    }

    [Fact]
    public void RecordSample_ProblemComesBackAfterAutoResolve_OpensANewAlert()
    {
        var estate = new E();
        var engine = estate.Engine();
        estate.Sample(engine, E.Standalone, Cpu, 0.4, 0.95, 0.95, 0.95, 0.5, 0.5, 0.5, 0.95, 0.95, 0.95);

        var alerts = engine.Alerts.List(includeClosed: true);
        Assert.Equal(2, alerts.Count);
        Assert.Single(alerts, a => a.IsOpen);
    }

    [Fact]
    public void RaiseAlert_SameRuleAndObjectRepeated_CountsRepeatsOnOneAlert()
    {
        var estate = new E();
        var engine = estate.Engine();
        var request = new AlertRequest("VirtVmGuestError", AlertSeverity.Warning, AlertPriority.Normal, E.Vm1, "feed.guest-error", "guest reported an error");

        var first = engine.RaiseAlert(request).Alert!;
        estate.Clock.Advance(TimeSpan.FromMinutes(1));
        engine.RaiseAlert(request);
        var third = engine.RaiseAlert(request with { Description = "guest reported another error" }).Alert!;
        engine.RaiseAlert(request with { ObjectId = E.Vm2 });

        Assert.Equal(first.Id, third.Id);
        Assert.Equal(2, third.RepeatCount);
        Assert.Equal("guest reported another error", third.Description);
        Assert.Equal(E.Start, third.RaisedAt);
        Assert.Equal(2, engine.Alerts.List().Count);
    }

    [Fact]
    public void RaiseAlert_AfterTheAlertWasClosed_OpensANewOne()
    {
        var estate = new E();
        var engine = estate.Engine();
        var request = new AlertRequest("VirtVmGuestError", AlertSeverity.Warning, AlertPriority.Normal, E.Vm1, "feed.guest-error", "error");
        var first = engine.RaiseAlert(request).Alert!;
        engine.Alerts.Close(first.Id, "alice");

        var second = engine.RaiseAlert(request).Alert!;

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(0, second.RepeatCount);
    }

    [Fact]
    public void Maintenance_HostInAWindow_RecordsChangesSuppressesAlertsBlocksRemediation()
    {
        var estate = new E();
        var engine = estate.Engine();
        var window = engine.Maintenance.Schedule(E.Cluster, E.Start, E.Start.AddMinutes(30), "firmware update", "alice");

        estate.Sample(engine, E.Host1, Cpu, 0.4, 0.95, 0.95, 0.95);
        var rule = engine.RaiseAlert(new AlertRequest("VirtVmGuestError", AlertSeverity.Warning, AlertPriority.Normal, E.Vm1, "feed.guest-error", "error"));

        Assert.Empty(engine.Alerts.List(includeClosed: true));
        Assert.Null(rule.Alert);
        Assert.Contains("firmware update", rule.SuppressedBy, StringComparison.Ordinal);
        var critical = Assert.Single(engine.History(E.Host1, E.Start), c => c.Monitor == "host.cpu" && c.To == HealthState.Critical);
        Assert.True(critical.InMaintenance);
        var view = engine.HealthOf(E.Host1);
        Assert.Equal(HealthState.Critical, view.Health.State);
        Assert.Equal(window, view.Maintenance.Window);
        var gate = engine.RemediationFor(E.Vm1); // a VM on a host of the cluster
        Assert.True(gate.Blocked);
        Assert.Contains($"window {window.Id} on {E.Cluster}: firmware update", gate.Reason, StringComparison.Ordinal);
        Assert.False(engine.RemediationFor(E.Standalone).Blocked);
    }

    [Fact]
    public void Maintenance_WindowEndsWhileTheMonitorIsStillBad_AlertIsRaisedThen()
    {
        var estate = new E();
        var engine = estate.Engine();
        engine.Maintenance.Schedule(E.Group, E.Start, E.Start.AddMinutes(5), "patching", "alice");
        estate.Sample(engine, E.Host2, Cpu, 0.4, 0.95, 0.95, 0.95);

        engine.Tick();
        Assert.Empty(AlertsOn(engine, E.Host2));

        estate.Clock.Advance(TimeSpan.FromMinutes(5));
        engine.Tick();

        var alert = Assert.Single(AlertsOn(engine, E.Host2));
        Assert.Equal((E.Host2, AlertSeverity.Critical), (alert.ObjectId, alert.Severity));
        Assert.False(engine.RemediationFor(E.Host2).Blocked);
    }

    [Fact]
    public void Maintenance_WindowEndsAfterRecovery_NoAlertAtAll()
    {
        var estate = new E();
        var engine = estate.Engine();
        engine.Maintenance.Schedule(E.Host1, E.Start, E.Start.AddMinutes(5), "reboot", "alice");
        estate.Sample(engine, E.Host1, Cpu, 0.4, 0.95, 0.95, 0.95, 0.3, 0.3, 0.3);

        estate.Clock.Advance(TimeSpan.FromMinutes(5));
        engine.Tick();

        Assert.Empty(AlertsOn(engine, E.Host1, includeClosed: true));
    }

    [Fact]
    public void Maintenance_UnknownScopeOrBackwardsWindow_IsAClearError()
    {
        var engine = new E().Engine();

        var error = Assert.Throws<HealthSettingsException>(() =>
            engine.Maintenance.Schedule("vc01/host-404", E.Start.AddHours(1), E.Start, "x", "alice"));

        Assert.Equal(2, error.Errors.Count);
        Assert.StartsWith("Scope: \"vc01/host-404\" is not a known object", error.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("End: ", error.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Flapping_MonitorTogglingFast_HoldsTheWorstStateAndKeepsTheAlertOpenUntilItSettles()
    {
        var estate = new E();
        var overrides = new MonitorOverride("host.cpu", ObjectId: E.Standalone, ConsecutiveSamples: 1);
        var engine = estate.Engine(new HealthSettings { Overrides = [overrides], Flapping = new FlappingSettings(4, TimeSpan.FromMinutes(10)) });

        // healthy, critical, healthy, critical, healthy: five changes within two minutes.
        estate.Sample(engine, E.Standalone, Cpu, 0.4, 0.95, 0.4, 0.95, 0.4);

        var monitor = Assert.Single(engine.HealthOf(E.Standalone).Monitors, m => m.Monitor == "host.cpu");
        Assert.True(monitor.Flapping);
        Assert.Equal(HealthState.Healthy, monitor.State);
        Assert.Equal(HealthState.Critical, monitor.Shown);
        Assert.Equal(HealthState.Critical, engine.HealthOf(E.Standalone).Health.State);
        // Raised at the first critical, resolved, raised again; from the fourth change on it flaps and stays open.
        Assert.Equal(2, engine.Alerts.List(includeClosed: true).Count);
        var alert = Assert.Single(engine.Alerts.List());
        Assert.Equal(5, engine.History(E.Standalone, E.Start).Count(c => c.Monitor == "host.cpu"));
        Assert.True(engine.History(E.Standalone, E.Start).Last(c => c.Monitor == "host.cpu").Flapping);

        estate.Clock.Advance(TimeSpan.FromMinutes(11));
        engine.Tick();

        Assert.False(Assert.Single(engine.HealthOf(E.Standalone).Monitors, m => m.Monitor == "host.cpu").Flapping);
        Assert.Equal(HealthState.Healthy, engine.HealthOf(E.Standalone).Health.State);
        Assert.False(engine.Alerts.Get(alert.Id)!.IsOpen);
    }

    [Fact]
    public void Flapping_SlowChanges_AreNotFlapping()
    {
        var estate = new E();
        var overrides = new MonitorOverride("host.cpu", ObjectId: E.Standalone, ConsecutiveSamples: 1);
        var engine = estate.Engine(new HealthSettings { Overrides = [overrides], Flapping = new FlappingSettings(4, TimeSpan.FromMinutes(10)) });

        foreach (var value in new[] { 0.4, 0.95, 0.4, 0.95, 0.4 })
        {
            engine.RecordSample(E.Standalone, Cpu, value);
            estate.Clock.Advance(TimeSpan.FromMinutes(4));
        }

        Assert.Equal(HealthState.Healthy, engine.HealthOf(E.Standalone).Health.State);
        var alerts = engine.Alerts.List(includeClosed: true);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.False(a.IsOpen));
    }

    [Fact]
    public void Availability_TargetStopsAnswering_CriticalAndAlertWithinTwoMinutesResolvedWhenItAnswers()
    {
        var estate = new E();
        var engine = estate.Engine();
        engine.RecordPollSucceeded(E.Target);

        for (var i = 0; i < 3; i++)
        {
            estate.Clock.Advance(TimeSpan.FromSeconds(20));
            engine.RecordPollFailed(E.Target, FailureKind.Unreachable, "connection refused");
        }

        Assert.Empty(AlertsOn(engine, E.TargetNode, "target.availability"));
        estate.Clock.Advance(TimeSpan.FromSeconds(40));
        engine.Tick(); // the fourth poll is stuck in its timeout; the clock alone decides

        var alert = Assert.Single(AlertsOn(engine, E.TargetNode, "target.availability"));
        Assert.Equal(("VirtTargetUnreachable", E.TargetNode, AlertSeverity.Critical), (alert.Name, alert.ObjectId, alert.Severity));
        Assert.True(alert.RaisedAt - E.Start <= TimeSpan.FromMinutes(2));
        Assert.Contains("unreachable: connection refused", alert.Description, StringComparison.Ordinal);

        engine.RecordPollSucceeded(E.Target);
        Assert.Empty(AlertsOn(engine, E.TargetNode, "target.availability"));
    }

    [Fact]
    public void Heartbeat_DataStopsArriving_CriticalAfterThreeMissedIntervals()
    {
        var estate = new E();
        var engine = estate.Engine();
        engine.RecordHeartbeat(E.TargetNode);

        estate.Clock.Advance(TimeSpan.FromSeconds(60));
        engine.Tick();
        Assert.Equal(HealthState.Healthy, Assert.Single(engine.HealthOf(E.TargetNode).Monitors, m => m.Monitor == "target.data").State);

        estate.Clock.Advance(TimeSpan.FromSeconds(1));
        engine.Tick();
        var heartbeat = Assert.Single(engine.HealthOf(E.TargetNode).Monitors, m => m.Monitor == "target.data");
        Assert.Equal(HealthState.Critical, heartbeat.State);
        Assert.Single(engine.Alerts.List(), a => a.Name == "VirtTargetDataStale");

        engine.RecordHeartbeat(E.TargetNode);
        Assert.Empty(engine.Alerts.List());
    }

    [Fact]
    public void Heartbeat_NeverBeats_CriticalCountedFromStart()
    {
        var estate = new E();
        var engine = estate.Engine();

        estate.Clock.Advance(TimeSpan.FromSeconds(61));
        engine.Tick();

        var change = Assert.Single(engine.History(E.TargetNode, E.Start), c => c.Monitor == "target.data");
        Assert.Equal("no heartbeat since monitoring began: 3 beats of 20 s missed", change.Cause);
    }

    [Fact]
    public void RecordSourceStatus_HyperVMajorFailure_HostCriticalWithTheSourceReason()
    {
        var estate = new E();
        var engine = estate.Engine();

        engine.RecordSourceStatus(E.Host3, SourceStatus.FromCimHealthState(20));

        var change = Assert.Single(engine.History(E.Host3, E.Start), c => c.Monitor == "host.status");
        Assert.Equal((HealthState.Critical, "HealthState 20 (major failure)"), (change.To, change.Cause));
        Assert.Equal("VirtHostUnhealthy", Assert.Single(engine.Alerts.List()).Name);
    }

    [Fact]
    public void RecordSourceStatus_VmWarningFromAnAlarm_NoAlertBecauseVmStatusHasNone()
    {
        var estate = new E();
        var engine = estate.Engine();
        var reported = SourceStatus.WithAlarms(new ReportedHealth(HealthState.Unknown, "vSphere overallStatus gray"), [new ReportedHealth(HealthState.Warning, "alarm vm-cpu yellow")]);

        engine.RecordSourceStatus(E.Vm2, reported);

        Assert.Equal(HealthState.Warning, engine.HealthOf(E.Vm2).Health.State);
        Assert.Equal(HealthState.Warning, engine.HealthOf(E.Host2).Health.State);
        Assert.Empty(engine.Alerts.List());
    }

    [Fact]
    public void RecordSample_DisabledByGroupOverride_NoMonitorNoAlert()
    {
        var estate = new E();
        var engine = estate.Engine(new HealthSettings
        {
            Overrides = [new MonitorOverride("host.cpu", HostGroup: "prod", Enabled: false)],
        });

        estate.Sample(engine, E.Host1, Cpu, 0.99, 0.99, 0.99);
        estate.Sample(engine, E.Standalone, Cpu, 0.99, 0.99, 0.99);

        Assert.Empty(engine.HealthOf(E.Host1).Monitors);
        Assert.Equal(E.Standalone, Assert.Single(engine.Alerts.List()).ObjectId);
    }

    [Fact]
    public void RecordSample_ObjectNotInTheTree_IsIgnored()
    {
        var engine = new E().Engine();

        engine.RecordSample("vc01/host-404", Cpu, 0.99);

        Assert.Empty(engine.HealthOf("vc01/host-404").Monitors);
    }

    private static List<Alert> AlertsOn(HealthEngine engine, string objectId, string? source = null, bool includeClosed = false) =>
        engine.Alerts.List(includeClosed).Where(a => a.ObjectId == objectId && (source is null || a.Source == source)).ToList();

    [Fact]
    public void DeferRollup_APassOfChanges_RollsEachObjectUpOnceAtItsEnd_MonitorsAndAlertsAtOnce()
    {
        var estate = new E();
        var engine = estate.Engine();

        using (engine.DeferRollup())
        {
            estate.Sample(engine, E.Standalone, Cpu, 0.40, 0.95, 0.96, 0.97);
            Assert.Single(engine.Alerts.List()); // alerts do not wait for the rollup
            Assert.DoesNotContain(engine.History(null, E.Start), c => c.Monitor is null);
        }

        // One rolled-up change per object for the whole pass: unknown to critical, not through healthy.
        var rolled = engine.History(E.Standalone, E.Start).Where(c => c.Monitor is null).ToList();
        var change = Assert.Single(rolled);
        Assert.Equal((HealthState.Unknown, HealthState.Critical, E.Start.AddSeconds(60)), (change.From, change.To, change.At));
        Assert.Equal(HealthState.Critical, engine.HealthOf(HealthTopology.EstateId).Health.State);
        Assert.Equal(E.Start.AddSeconds(60), engine.RolledSince(HealthTopology.EstateId));
    }

    [Fact]
    public void DeferRollup_HealthReadInsideTheScope_IsRolledUpAlready()
    {
        var estate = new E();
        var engine = estate.Engine();

        using var deferral = engine.DeferRollup();
        estate.Sample(engine, E.Standalone, Cpu, 0.40);

        Assert.Equal(HealthState.Healthy, engine.HealthOf(E.TargetNode).Health.State);
        Assert.Equal(E.Start, engine.RolledSince(E.Standalone));
    }
}
