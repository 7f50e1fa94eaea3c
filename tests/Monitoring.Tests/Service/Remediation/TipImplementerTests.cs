using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Remediation;
using Xunit;

namespace Monitoring.Tests.Service.Remediation;

public sealed class TipImplementerTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(s_t0);
    private readonly InMemoryTipStore _store = new();
    private readonly TipLifecycle _lifecycle;

    public TipImplementerTests() => _lifecycle = new TipLifecycle(_store, _clock);

    // Each tip its own scope: raising one never closes another.
    private Tip Raise(TipAction action, string target = "vc01/vm-1") => Assert.Single(_lifecycle.Reconcile(
        $"test/{target}/{action.Kind}",
        [new TipCandidate($"test/{target}/{action.Kind}", "test", target, null, action, "summary", "details", "cause", "effect", 3)],
        "test"));

    private TipImplementer Implementer(params ITipActionExecutor[] executors) =>
        new(_lifecycle, _store, executors, _clock, NullLogger<TipImplementer>.Instance);

    [Fact]
    public async Task Implement_ExecutorSucceeds_InitializedThenRunningWithItsNotesThenResolvedWithItsResult()
    {
        var executor = new FakeExecutor(TipAction.Migrate);
        using var implementer = Implementer(new FakeExecutor(TipAction.PowerOn), executor);
        var tip = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));

        var answered = implementer.Implement(tip.Id, "key:ops", automatic: false);
        Assert.Contains(answered.Status, new[] { TipStatus.Initialized, TipStatus.Running });
        await executor.Started.Task.WaitAsync(s_wait);
        Assert.Equal(TipStatus.Running, _lifecycle.Get(tip.Id).Status);

        executor.Finish.SetResult(TipActionOutcome.Success("vm-1 now runs on esx-2"));
        var final = await implementer.WaitForFinalAsync(tip.Id, CancellationToken.None).WaitAsync(s_wait);

        Assert.Equal((TipStatus.Resolved, "vm-1 now runs on esx-2", false), (final.Status, final.Result, final.Automatic));
        Assert.Equal(
            [TipStatus.Active, TipStatus.Initialized, TipStatus.Running, TipStatus.Running, TipStatus.Resolved],
            final.History.Select(h => h.Status));
        Assert.Equal("task-7 started", final.History[3].Note);
        Assert.All(final.History.Skip(1), h => Assert.Equal("key:ops", h.By));
        Assert.Equal(1, executor.Runs);
    }

    [Fact]
    public async Task Implement_ExecutorReportsFailure_FailedWithTheTargetsReason()
    {
        var executor = new FakeExecutor(TipAction.Migrate);
        using var implementer = Implementer(executor);
        var tip = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));

        implementer.Implement(tip.Id, "key:ops", automatic: true);
        executor.Finish.SetResult(TipActionOutcome.Failure("ManagedObjectNotFound: vm-1"));
        var final = await implementer.WaitForFinalAsync(tip.Id, CancellationToken.None).WaitAsync(s_wait);

        Assert.Equal((TipStatus.Failed, "ManagedObjectNotFound: vm-1", true), (final.Status, final.Result, final.Automatic));
    }

    [Fact]
    public async Task Implement_ExecutorThrows_FailedWithOneCleanLineAndNoStackTrace()
    {
        var executor = new FakeExecutor(TipAction.Migrate);
        using var implementer = Implementer(executor);
        var tip = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));

        implementer.Implement(tip.Id, "key:ops", automatic: false);
        executor.Finish.SetException(new InvalidOperationException("connection reset\n   at Monitoring.Sources.Secret.Call()"));
        var final = await implementer.WaitForFinalAsync(tip.Id, CancellationToken.None).WaitAsync(s_wait);

        Assert.Equal(TipStatus.Failed, final.Status);
        Assert.Equal("the migrate action failed: connection reset", final.Result);
        Assert.DoesNotContain(" at ", final.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Implement_NoExecutorForTheKind_FailedAtOnceNamingKindAndTarget()
    {
        using var implementer = Implementer(new FakeExecutor(TipAction.Migrate));
        var tip = Raise(TipAction.StartVm("vc01/vm-9"), "vc01/vm-9");

        var final = implementer.Implement(tip.Id, "key:ops", automatic: false);

        Assert.Equal((TipStatus.Failed, "no executor for action kind powerOn on target vc01/vm-9"), (final.Status, final.Result));
        Assert.Equal([TipStatus.Active, TipStatus.Initialized, TipStatus.Failed], _lifecycle.Get(tip.Id).History.Select(h => h.Status));
    }

    [Fact]
    public async Task Implement_TwiceWhileTheActionRuns_SecondIsRefusedAndTheActionRunsOnce()
    {
        var executor = new FakeExecutor(TipAction.Migrate);
        using var implementer = Implementer(executor);
        var tip = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));

        implementer.Implement(tip.Id, "key:ops", automatic: false);
        var second = Assert.Throws<TipOperationException>(() => implementer.Implement(tip.Id, "key:other", automatic: false));
        Assert.False(second.NotFound);
        executor.Finish.SetResult(TipActionOutcome.Success("done"));
        await implementer.WaitForFinalAsync(tip.Id, CancellationToken.None).WaitAsync(s_wait);

        Assert.Equal(1, executor.Runs);
        Assert.Throws<TipOperationException>(() => implementer.Implement(tip.Id, "key:ops", automatic: false));
    }

    [Fact]
    public void Implement_UnknownTip_NotFound()
    {
        using var implementer = Implementer();

        Assert.True(Assert.Throws<TipOperationException>(() => implementer.Implement("nope", "key:ops", automatic: false)).NotFound);
    }

    [Fact]
    public async Task StopAsync_WhileTheActionRuns_TipEndsFailedInterrupted()
    {
        var executor = new FakeExecutor(TipAction.Migrate);
        using var implementer = Implementer(executor);
        var tip = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));
        implementer.Implement(tip.Id, "key:ops", automatic: false);
        await executor.Started.Task.WaitAsync(s_wait);

        await implementer.StopAsync(CancellationToken.None).WaitAsync(s_wait);

        var final = _lifecycle.Get(tip.Id);
        Assert.Equal((TipStatus.Failed, TipImplementer.Interrupted), (final.Status, final.Result));
    }

    [Fact]
    public void FailInterrupted_TipsLeftInitializedOrRunningByAPreviousProcess_EndFailed_ActiveOnesUntouched()
    {
        var left = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));
        var running = Raise(TipAction.StartVm("vc01/vm-2"), "vc01/vm-2");
        var active = Raise(TipAction.StartVm("vc01/vm-3"), "vc01/vm-3");
        _lifecycle.Implement(left.Id, "key:ops");
        _lifecycle.Implement(running.Id, "key:ops");
        _lifecycle.Start(running.Id, "key:ops", null);

        // The next process starts.
        using var implementer = Implementer();
        Assert.Equal(2, implementer.FailInterrupted("service"));

        Assert.All([_lifecycle.Get(left.Id), _lifecycle.Get(running.Id)], t =>
            Assert.Equal((TipStatus.Failed, TipImplementer.Interrupted, "service"), (t.Status, t.Result, t.History[^1].By)));
        Assert.Equal(TipStatus.Active, _lifecycle.Get(active.Id).Status);
    }

    [Fact]
    public async Task WaitForFinalAsync_TipImplementedByAnotherProcess_FollowsTheStoreOnTheClock()
    {
        var tip = Raise(TipAction.Migration("vc01/vm-1", "vc01/host-1", "vc01/host-2"));
        _lifecycle.Implement(tip.Id, "cli:ops");
        using var implementer = Implementer();

        var waiting = implementer.WaitForFinalAsync(tip.Id, CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        _lifecycle.Finish(tip.Id, succeeded: true, "cli:ops", "done");
        while (!waiting.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal(TipStatus.Resolved, (await waiting).Status);
    }

    [Theory]
    [InlineData("one\ntwo", "one")]
    [InlineData("tab\there", "tab here")]
    [InlineData("  padded  ", "padded")]
    [InlineData(null, "")]
    public void Clean_KeepsOneLineWithoutControlCharacters(string? text, string expected) =>
        Assert.Equal(expected, TipImplementer.Clean(text));
}
