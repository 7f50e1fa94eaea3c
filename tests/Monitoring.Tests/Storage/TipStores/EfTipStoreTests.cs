using Microsoft.Extensions.Time.Testing;
using Monitoring.Remediation.Balancing;
using Monitoring.Remediation.Tips;
using Monitoring.Storage.TipStores;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.TipStores;

public sealed class EfTipStoreTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    private static TipCandidate Candidate(string vm = "vc01/vm-1", string to = "vc01/host-2") => new(
        $"balance/vc01/domain-c7/{vm}",
        BalancerTips.Source,
        vm,
        "vc01/domain-c7",
        TipAction.Migration(vm, "vc01/host-1", to),
        $"Migrate {vm} to {to}",
        "Imbalance 0.300",
        "Load is unevenly spread.",
        "Imbalance 0.300 -> 0.000.",
        2,
        TipSeverity.Critical);

    [Fact]
    public async Task RaiseImplementFinish_ReadBackFromANewStore_KeepsEveryFieldAndTheWholeHistory()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_t0);
        var lifecycle = new TipLifecycle(new EfTipStore(database), clock);

        var raised = Assert.Single(lifecycle.Reconcile("balance/vc01/domain-c7/", [Candidate()], "balancer"));
        clock.Advance(TimeSpan.FromMinutes(1));
        lifecycle.Implement(raised.Id, "key:ops");
        lifecycle.Start(raised.Id, "key:ops", "started migrate");
        lifecycle.Note(raised.Id, "key:ops", "task-12 started");
        clock.Advance(TimeSpan.FromMinutes(1));
        lifecycle.Finish(raised.Id, succeeded: true, "key:ops", "moved to esx-2");

        // A restart: a new store over the same file.
        var store = new EfTipStore(database);
        var tip = store.Find(raised.Id)!;
        Assert.Equal((TipStatus.Resolved, "vc01/vm-1", "vc01/domain-c7", 2, TipSeverity.Critical, "moved to esx-2"), (tip.Status, tip.Target, tip.HostGroup, tip.Priority, tip.Severity, tip.Result));
        Assert.True(tip.Action.SameAs(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2")));
        Assert.Equal((s_t0, s_t0.AddMinutes(2)), (tip.RaisedAt, tip.UpdatedAt));
        Assert.Equal(
            [(TipStatus.Active, "balancer"), (TipStatus.Initialized, "key:ops"), (TipStatus.Running, "key:ops"), (TipStatus.Running, "key:ops"), (TipStatus.Resolved, "key:ops")],
            tip.History.Select(h => (h.Status, h.By)));
        Assert.Equal("task-12 started", tip.History[3].Note);
        Assert.Null(store.FindOpen(raised.ConditionKey));
        Assert.Empty(store.OpenWithPrefix("balance/"));
        Assert.Equal([raised.Id], store.List(TipStatus.Resolved, "vc01/vm-1").Select(t => t.Id));
        Assert.Empty(store.List(TipStatus.Active, null));
    }

    [Fact]
    public async Task Find_ReturnsACopy_ChangingItDoesNotChangeTheStoredTip()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var store = new EfTipStore(database);
        var raised = Assert.Single(new TipLifecycle(store, new FakeTimeProvider(s_t0)).Reconcile("balance/", [Candidate()], "balancer"));

        var copy = store.Find(raised.Id)!;
        copy.Status = TipStatus.Dismissed;

        Assert.Equal(TipStatus.Active, store.Find(raised.Id)!.Status);
        Assert.NotSame(store.Find(raised.Id), store.Find(raised.Id));
    }

    [Fact]
    public async Task Update_TipChangedByAnotherWriterSinceItWasRead_IsRefusedAndTheOtherTransitionStands()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_t0);

        // Two processes: the service (balancer pass) and the command line (an operator implementing), each with its own store.
        var service = new TipLifecycle(new EfTipStore(database), clock);
        var cliStore = new EfTipStore(database);
        var cli = new TipLifecycle(cliStore, clock);
        var raised = Assert.Single(service.Reconcile("balance/", [Candidate()], "balancer"));

        // The service read the tip, then the operator implemented it, then the service writes its stale copy.
        var staleServiceCopy = new EfTipStore(database);
        var stale = staleServiceCopy.Find(raised.Id)!;
        cli.Implement(raised.Id, "cli:ops");
        stale.Status = TipStatus.Closed;
        stale.History.Add(new TipTransition(clock.GetUtcNow(), TipStatus.Closed, "balancer", "the condition cleared"));

        var refused = Assert.Throws<TipOperationException>(() => staleServiceCopy.Update(stale));
        Assert.False(refused.NotFound);
        var stored = cliStore.Find(raised.Id)!;
        Assert.Equal(TipStatus.Initialized, stored.Status);
        Assert.Equal([TipStatus.Active, TipStatus.Initialized], stored.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Reconcile_TipImplementedByAnotherProcessMeanwhile_DoesNotCloseIt()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_t0);
        var service = new TipLifecycle(new EfTipStore(database), clock);
        var cli = new TipLifecycle(new EfTipStore(database), clock);
        var raised = Assert.Single(service.Reconcile("balance/", [Candidate()], "balancer"));
        cli.Implement(raised.Id, "cli:ops");

        // The condition cleared: a pass finds nothing; the implemented tip is not Active, so it is left to its action.
        service.Reconcile("balance/", [], "balancer");

        Assert.Equal(TipStatus.Initialized, cli.Get(raised.Id).Status);
    }

    [Fact]
    public async Task ConcurrentImplementAndPasses_OneProcess_EveryTransitionKeptAndTheTipImplementedOnce()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_t0);
        var lifecycle = new TipLifecycle(new EfTipStore(database), clock);
        var tips = Enumerable.Range(1, 8).Select(i => Candidate($"vc01/vm-{i}")).ToList();
        var ids = lifecycle.Reconcile("balance/", tips, "balancer").Select(t => t.Id).ToList();

        // Operators implement every tip (twice each) while passes that no longer find half of them run alongside.
        var implemented = 0;
        var refused = 0;
        var work = ids.SelectMany(id => new[] { id, id }).Select(id => Task.Run(() =>
        {
            try
            {
                lifecycle.Implement(id, "key:ops");
                Interlocked.Increment(ref implemented);
            }
            catch (TipOperationException)
            {
                Interlocked.Increment(ref refused);
            }
        })).Concat(Enumerable.Range(0, 4).Select(_ => Task.Run(() => lifecycle.Reconcile("balance/", tips.Take(4).ToList(), "balancer"))));
        await Task.WhenAll(work);

        var stored = new EfTipStore(database).List(null, null);
        Assert.Equal(8, stored.Count);
        Assert.Equal(16, implemented + refused);
        foreach (var tip in stored)
        {
            // Each tip left Active exactly once: Initialized by an operator, or Closed by a pass; never both, never lost.
            Assert.Equal(2, tip.History.Count);
            Assert.Equal(tip.Status, tip.History[^1].Status);
            Assert.Contains(tip.Status, new[] { TipStatus.Initialized, TipStatus.Closed });
        }

        Assert.Equal(stored.Count(t => t.Status == TipStatus.Initialized), implemented);
    }
}
