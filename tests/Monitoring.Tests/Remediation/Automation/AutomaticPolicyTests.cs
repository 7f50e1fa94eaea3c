using Microsoft.Extensions.Time.Testing;
using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Storage;
using Monitoring.Remediation.Automation;
using Monitoring.Remediation.Configuration;
using Monitoring.Remediation.Tips;
using Xunit;

namespace Monitoring.Tests.Remediation.Automation;

/// <summary>Automatic mode on a fake clock: each test runs passes the way the service does (decide, implement
/// what the plan says through the real lifecycle, record the start), and finishes actions by hand.</summary>
public sealed class AutomaticPolicyTests
{
    private const string Cluster = "vc01/domain-c7";
    private const string Other = "vc01/domain-c9";
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(s_t0);
    private readonly InMemoryTipStore _store = new();
    private readonly TipLifecycle _tips;
    private readonly AutomaticLedger _ledger = new();
    private readonly Dictionary<string, AutomaticMode> _modes = new(StringComparer.Ordinal);
    private readonly InMemoryMaintenanceWindowStore _windows = new();
    private readonly MaintenanceSchedule _maintenance;
    private int _vm;

    public AutomaticPolicyTests()
    {
        _tips = new TipLifecycle(_store, _clock);
        var topology = new HealthTopologyBuilder()
            .AddObject(new HealthObject(Cluster, HealthObjectKind.Cluster, HealthTopology.EstateId))
            .AddObject(new HealthObject(Other, HealthObjectKind.Cluster, HealthTopology.EstateId))
            .AddObject(new HealthObject("vc01/host-1", HealthObjectKind.Host, Cluster))
            .AddObject(new HealthObject("vc01/host-2", HealthObjectKind.Host, Cluster))
            .AddObject(new HealthObject("vc01/host-3", HealthObjectKind.Host, Other))
            .Build();
        _maintenance = new MaintenanceSchedule(_windows, topology, _clock);
    }

    [Fact]
    public void Off_ImplementsNothing_AndListsNothingAsWaiting()
    {
        _modes[Cluster] = AutomaticMode.Off;
        Raise(Cluster, TipSeverity.Critical);
        Raise(Cluster, TipSeverity.Warning);

        var plan = Pass(new AutomaticLimits(10, 100, TimeSpan.FromSeconds(5)));

        Assert.Empty(plan.Implement);
        Assert.Empty(plan.Waiting);
        Assert.All(_store.List(null, null), t => Assert.Equal((TipStatus.Active, false), (t.Status, t.Automatic)));
    }

    [Fact]
    public void CriticalOnly_SkipsWarning_WarningAndCritical_TakesBoth_InformationNever()
    {
        _modes[Cluster] = AutomaticMode.Critical;
        _modes[Other] = AutomaticMode.WarningAndCritical;
        var critical = Raise(Cluster, TipSeverity.Critical);
        var warning = Raise(Cluster, TipSeverity.Warning);
        var otherWarning = Raise(Other, TipSeverity.Warning, host: "vc01/host-3", to: "vc01/host-4");
        var information = Raise(Other, TipSeverity.Information, host: "vc01/host-3", to: "vc01/host-4");

        Pass(new AutomaticLimits(10, 100, TimeSpan.FromSeconds(5)));

        Assert.Equal((TipStatus.Initialized, true), Status(critical));
        Assert.Equal((TipStatus.Active, false), Status(warning));
        Assert.Equal((TipStatus.Initialized, true), Status(otherWarning));
        Assert.Equal((TipStatus.Active, false), Status(information));
        Assert.Equal(("automatic", "implemented automatically"), (_tips.Get(critical).History[^1].By, _tips.Get(critical).History[^1].Note));
    }

    [Fact]
    public void MaxConcurrent_OneAtATimePerHostGroup_TheNextStartsWhenTheFirstFinishes()
    {
        _modes[Cluster] = AutomaticMode.WarningAndCritical;
        _modes[Other] = AutomaticMode.WarningAndCritical;
        var first = Raise(Cluster, TipSeverity.Critical, priority: 1);
        var second = Raise(Cluster, TipSeverity.Critical, priority: 2);
        var elsewhere = Raise(Other, TipSeverity.Warning, host: "vc01/host-3", to: "vc01/host-4");

        var plan = Pass(new AutomaticLimits(1, 100, TimeSpan.FromSeconds(5)));

        // The most urgent first; another host group has its own limit.
        Assert.Equal([first, elsewhere], plan.Implement.Select(t => t.Id));
        Assert.Equal(TipStatus.Active, Status(second).Item1);
        var wait = Assert.Single(plan.Waiting);
        Assert.Equal(second, wait.Tip.Id);
        Assert.Contains($"host group {Cluster} already has 1 under way", wait.Reason, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrent", wait.Reason, StringComparison.Ordinal);

        // Still running: the second keeps waiting, with the same reason (recorded once by the service).
        _clock.Advance(TimeSpan.FromSeconds(5));
        _tips.Start(first, "vsphere", "task-1 started");
        var again = Pass(new AutomaticLimits(1, 100, TimeSpan.FromSeconds(5)));
        Assert.Empty(again.Implement);
        Assert.Equal(wait.Reason, Assert.Single(again.Waiting).Reason);

        _tips.Finish(first, succeeded: true, "vsphere", "moved");
        Pass(new AutomaticLimits(1, 100, TimeSpan.FromSeconds(5)));
        Assert.Equal((TipStatus.Initialized, true), Status(second));
    }

    [Fact]
    public void MaxPerHour_CountsStartsInTheSlidingHour_AndFreesASlotAsTheOldestLeavesIt()
    {
        _modes[Cluster] = AutomaticMode.Critical;
        var limits = new AutomaticLimits(MaxConcurrent: 10, MaxPerHour: 2, TimeSpan.FromSeconds(5));
        var a = Raise(Cluster, TipSeverity.Critical);
        Pass(limits);
        _tips.Finish(a, true, "vsphere", "done");

        _clock.Advance(TimeSpan.FromMinutes(20));
        var b = Raise(Cluster, TipSeverity.Critical);
        Pass(limits);
        _tips.Finish(b, true, "vsphere", "done");

        _clock.Advance(TimeSpan.FromMinutes(20));
        var c = Raise(Cluster, TipSeverity.Critical);
        var held = Pass(limits);
        Assert.Equal(TipStatus.Active, Status(c).Item1);
        var wait = Assert.Single(held.Waiting);
        Assert.Contains("reached 2 automatic implementations in the last hour", wait.Reason, StringComparison.Ordinal);
        Assert.Contains($"the next may start at {s_t0.AddHours(1):u}", wait.Reason, StringComparison.Ordinal);

        // 59 minutes after the first start: still two in the hour.
        _clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Empty(Pass(limits).Implement);

        // The first start leaves the hour: one slot, taken by c; b's start still counts.
        _clock.Advance(TimeSpan.FromMinutes(1));
        var d = Raise(Cluster, TipSeverity.Critical);
        var freed = Pass(limits);
        Assert.Equal([c], freed.Implement.Select(t => t.Id));
        Assert.Equal(TipStatus.Active, Status(d).Item1);
        Assert.Contains($"the next may start at {s_t0.AddMinutes(80):u}", Assert.Single(freed.Waiting).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MaintenanceWindow_OnTheHostGroupOrTheDestination_BlocksUntilTheWindowEnds()
    {
        _modes[Cluster] = AutomaticMode.Critical;
        var limits = new AutomaticLimits(10, 100, TimeSpan.FromSeconds(5));
        var tip = Raise(Cluster, TipSeverity.Critical);
        var window = _maintenance.Schedule(Cluster, s_t0, s_t0.AddMinutes(30), "patching", "ops");

        var plan = Pass(limits);
        Assert.Empty(plan.Implement);
        var wait = Assert.Single(plan.Waiting);
        Assert.Contains($"in maintenance until {s_t0.AddMinutes(30):u}", wait.Reason, StringComparison.Ordinal);
        Assert.Contains(window.Id, wait.Reason, StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Empty(Pass(limits).Implement);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([tip], Pass(limits).Implement.Select(t => t.Id));
        Assert.Equal((TipStatus.Initialized, true), Status(tip));
    }

    [Fact]
    public void MaintenanceWindow_OnTheDestinationHostOnly_BlocksTheMove_NotOthers()
    {
        _modes[Cluster] = AutomaticMode.Critical;
        var toHost2 = Raise(Cluster, TipSeverity.Critical, to: "vc01/host-2");
        var toHost1 = Raise(Cluster, TipSeverity.Critical, host: "vc01/host-2", to: "vc01/host-1");
        _maintenance.Schedule("vc01/host-2", s_t0, s_t0.AddHours(1), "firmware", "ops");

        var plan = Pass(new AutomaticLimits(10, 100, TimeSpan.FromSeconds(5)));

        // Both touch host-2 (one as its destination, one as its source): neither moves.
        Assert.Empty(plan.Implement);
        Assert.Equal(new[] { toHost1, toHost2 }.Order(StringComparer.Ordinal), plan.Waiting.Select(w => w.Tip.Id).Order(StringComparer.Ordinal));

        _maintenance.End(_windows.Active(_clock.GetUtcNow()).Single().Id);
        Assert.Equal(2, Pass(new AutomaticLimits(10, 100, TimeSpan.FromSeconds(5))).Implement.Count);
    }

    /// <summary>One pass as the service runs it.</summary>
    private AutomaticPlan Pass(AutomaticLimits limits)
    {
        var policy = new AutomaticPolicy(limits);
        var open = _store.List(null, null).Where(t => !t.Status.IsFinal()).ToList();
        var plan = policy.Decide(
            open,
            _ledger,
            t => t.HostGroup is { } g ? _modes.GetValueOrDefault(g, AutomaticMode.Off) : AutomaticMode.Off,
            id => _maintenance.StatusOf(id) is { InMaintenance: true } s ? s.Describe() : null,
            _clock.GetUtcNow());
        foreach (var tip in plan.Implement)
        {
            _tips.Implement(tip.Id, "automatic", automatic: true);
            _ledger.Record(tip.HostGroup, _clock.GetUtcNow());
        }

        return plan;
    }

    private string Raise(string cluster, TipSeverity severity, int priority = 3, string host = "vc01/host-1", string? to = null)
    {
        var vm = $"vc01/vm-{++_vm}";
        var destination = to ?? (host == "vc01/host-1" ? "vc01/host-2" : "vc01/host-1");
        var candidate = new TipCandidate($"balance/{cluster}/{vm}", "balancer", vm, cluster, TipAction.Migration(vm, host, destination),
            $"Migrate {vm}", "details", "cause", "effect", priority, severity);
        return Assert.Single(_tips.Reconcile(candidate.ConditionKey, [candidate], "balancer")).Id;
    }

    private (TipStatus, bool) Status(string id)
    {
        var tip = _tips.Get(id);
        return (tip.Status, tip.Automatic);
    }
}
