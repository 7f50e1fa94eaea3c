using Microsoft.Extensions.Time.Testing;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Storage;
using Xunit;

namespace Monitoring.Tests.HealthModel;

public sealed class AlertChangeLogTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryChange_IsLoggedInOrder_AndReadAfterABookmarkGivesOnlyLaterOnes()
    {
        var clock = new FakeTimeProvider(s_t0);
        var store = new InMemoryAlertStore(clock);
        var tracker = new AlertTracker(store, new ResolutionStateCatalog(), clock);
        var request = new AlertRequest("VirtTargetUnreachable", AlertSeverity.Critical, AlertPriority.High, "target/vc01", "target.availability", "connection refused");

        var raised = tracker.Raise(request);
        clock.Advance(TimeSpan.FromMinutes(1));
        tracker.Raise(request);
        tracker.Acknowledge(raised.Id, "alice");
        clock.Advance(TimeSpan.FromMinutes(1));
        tracker.AutoResolve("target/vc01", "target.availability", "answers again");

        var all = store.ReadAfter(0, 100);
        Assert.Equal([1L, 2, 3, 4], all.Select(c => c.Sequence));
        Assert.Equal([true, false, false, false], all.Select(c => c.IsNew));
        Assert.Equal([0, 1, 1, 1], all.Select(c => c.Alert.RepeatCount));
        Assert.Equal([0, 0, 249, 255], all.Select(c => (int)c.Alert.ResolutionState.Value));
        Assert.Equal(s_t0.AddMinutes(2), all[^1].At);
        Assert.Equal(4, store.LastSequence);

        Assert.Equal([3L, 4], store.ReadAfter(2, 100).Select(c => c.Sequence));
        Assert.Equal([3L], store.ReadAfter(2, 1).Select(c => c.Sequence));
        Assert.Empty(store.ReadAfter(4, 100));
    }
}
