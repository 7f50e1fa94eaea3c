using Microsoft.Extensions.Time.Testing;
using Monitoring.Remediation.Balancing;
using Monitoring.Remediation.Tips;
using Xunit;

namespace Monitoring.Tests.Remediation;

public sealed class TipLifecycleTests
{
    private const double GiB = 1024d * 1024 * 1024;
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(s_t0);
    private readonly InMemoryTipStore _store = new();
    private readonly TipLifecycle _tips;

    public TipLifecycleTests() => _tips = new TipLifecycle(_store, _clock);

    private static BalancerCluster Unbalanced(string vmOnBusy = "vc01/vm-1") => new(
        "vc01/domain-c7",
        [new BalancerHost("vc01/host-1", 16, 128 * GiB), new BalancerHost("vc01/host-2", 16, 128 * GiB)],
        [new BalancerVm(vmOnBusy, "vc01/host-1", 6, 16 * GiB, 16 * GiB), new BalancerVm("vc01/vm-2", "vc01/host-1", 6, 16 * GiB, 16 * GiB)]);

    private IReadOnlyList<Tip> Pass(BalancerCluster cluster)
    {
        var plan = GreedyBalancer.Plan(cluster, new BalancerSettings { MigrationThreshold = 5 });
        return _tips.Reconcile(BalancerTips.Scope(cluster.Id), BalancerTips.From(plan, id => id), BalancerTips.Source);
    }

    [Fact]
    public void SameConditionOverManyPasses_IsOneTip_AndClosesByItselfWhenItClears()
    {
        var raised = Assert.Single(Pass(Unbalanced()));
        Assert.Equal(TipAction.Migrate, raised.Action.Kind);
        Assert.Equal("vc01/host-2", raised.Action.Parameters["to"]);
        Assert.Equal("vc01/domain-c7", raised.HostGroup);

        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Empty(Pass(Unbalanced()));
        }

        var tip = Assert.Single(_store.List(null, null));
        Assert.Equal(TipStatus.Active, tip.Status);
        Assert.Single(tip.History);

        // Balanced now (the other VM moved by hand): nothing proposed, the tip closes itself.
        _clock.Advance(TimeSpan.FromMinutes(5));
        var balanced = Unbalanced() with
        {
            Vms = [new BalancerVm("vc01/vm-1", "vc01/host-1", 6, 16 * GiB, 16 * GiB), new BalancerVm("vc01/vm-2", "vc01/host-2", 6, 16 * GiB, 16 * GiB)],
        };
        Assert.Empty(Pass(balanced));

        tip = _tips.Get(tip.Id);
        Assert.Equal(TipStatus.Closed, tip.Status);
        Assert.Equal([TipStatus.Active, TipStatus.Closed], tip.History.Select(h => h.Status));
        Assert.Equal((s_t0.AddMinutes(30), "balancer", "the condition cleared"), (tip.History[^1].At, tip.History[^1].By, tip.History[^1].Note));
    }

    [Fact]
    public void Implement_ThenRunningThenResolved_RecordsWhoAndWhen_AndFinalTipsRefuseMore()
    {
        var tip = Assert.Single(Pass(Unbalanced()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        _tips.Implement(tip.Id, "key:ops-alice");
        _clock.Advance(TimeSpan.FromSeconds(1));
        _tips.Start(tip.Id, "service", "RelocateVM_Task task-12");
        _clock.Advance(TimeSpan.FromSeconds(20));
        _tips.Finish(tip.Id, succeeded: true, "service", "vc01/vm-1 now on vc01/host-2");

        tip = _tips.Get(tip.Id);
        Assert.Equal(TipStatus.Resolved, tip.Status);
        Assert.False(tip.Automatic);
        Assert.Equal(
            [(TipStatus.Active, "balancer"), (TipStatus.Initialized, "key:ops-alice"), (TipStatus.Running, "service"), (TipStatus.Resolved, "service")],
            tip.History.Select(h => (h.Status, h.By)));
        Assert.Equal(s_t0.AddMinutes(1).AddSeconds(21), tip.UpdatedAt);

        var again = Assert.Throws<TipOperationException>(() => _tips.Implement(tip.Id, "key:ops-alice"));
        Assert.False(again.NotFound);
        Assert.Throws<TipOperationException>(() => _tips.Dismiss(tip.Id, "key:ops-alice"));
        Assert.True(Assert.Throws<TipOperationException>(() => _tips.Dismiss("nope", "key:ops-alice")).NotFound);

        // The condition is still there on the next pass (say the load did not follow): a new tip, not the final one reopened.
        _clock.Advance(TimeSpan.FromMinutes(5));
        var next = Assert.Single(Pass(Unbalanced()));
        Assert.NotEqual(tip.Id, next.Id);
    }

    [Fact]
    public void Failed_KeepsTheTargetsReason_Dismissed_IsNotClosedLater()
    {
        var tip = Assert.Single(Pass(Unbalanced()));
        _tips.Implement(tip.Id, "engine", automatic: true);
        _tips.Finish(tip.Id, succeeded: false, "service", "ManagedObjectNotFound: vm-1 has already been deleted");
        tip = _tips.Get(tip.Id);
        Assert.Equal((TipStatus.Failed, true), (tip.Status, tip.Automatic));
        Assert.StartsWith("ManagedObjectNotFound", tip.Result, StringComparison.Ordinal);

        var other = Assert.Single(Pass(Unbalanced("vc01/vm-9")));
        _tips.Dismiss(other.Id, "key:ops-bob");
        Pass(Unbalanced() with { Vms = [] });
        Assert.Equal(TipStatus.Dismissed, _tips.Get(other.Id).Status);
    }

    [Theory]
    [InlineData(2, TipSeverity.Critical)]
    [InlineData(3, TipSeverity.Warning)]
    [InlineData(4, TipSeverity.Warning)]
    [InlineData(5, TipSeverity.Information)]
    public void BalancerTipSeverity_FollowsThePriority_AndARefreshUpdatesIt(int priority, TipSeverity expected)
    {
        Assert.Equal(expected, BalancerTips.SeverityOf(priority));

        var action = TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2");
        TipCandidate Candidate(int p) => new("balance/c/vc01/vm-1", "balancer", "vc01/vm-1", "c", action, "s", "d", "c", "e", p, BalancerTips.SeverityOf(p));
        var tip = Assert.Single(_tips.Reconcile("balance/c/", [Candidate(5)], "balancer"));
        Assert.Equal(TipSeverity.Information, tip.Severity);

        _tips.Reconcile("balance/c/", [Candidate(priority)], "balancer");
        Assert.Equal(expected, _tips.Get(tip.Id).Severity);
    }
}
