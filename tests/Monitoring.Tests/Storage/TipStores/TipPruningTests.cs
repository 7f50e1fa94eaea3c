using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitoring.HealthModel.Alerts;
using Monitoring.Remediation.Tips;
using Monitoring.Storage.HealthStores;
using Monitoring.Storage.TipStores;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.TipStores;

/// <summary>Final tips go some time after their last change, with their history; open tips never, nor tips about an
/// object whose alert of ours is still open (the alert would raise the same tip again).</summary>
public sealed class TipPruningTests
{
    private static readonly DateTimeOffset s_start = new(2026, 8, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_HundredDaysOn_RemovesOldFinalTipsWithTheirHistoryAndKeepsOpenRecentAndAlertedOnes()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var store = new EfTipStore(database);
        var lifecycle = new TipLifecycle(store, clock);

        // Day 0: one tip dismissed, one left open, one dismissed while an alert of ours on its VM stays open.
        var dismissed = TestTips.Dismissed(lifecycle, "vc01/vm-1");
        var open = TestTips.Raise(lifecycle, "vc01/vm-2");
        var alerted = TestTips.Dismissed(lifecycle, "vc01/vm-3");
        new AlertTracker(new EfAlertStore(database, clock), new ResolutionStateCatalog(), clock)
            .Raise(new AlertRequest("VirtVmCpuReady", AlertSeverity.Warning, AlertPriority.Normal, "vc01/vm-3", "vm.cpu.ready", "CPU ready high"));

        // Day 80: one more dismissed; day 100: the pruning, keeping 90 days.
        clock.Advance(TimeSpan.FromDays(80));
        var recent = TestTips.Dismissed(lifecycle, "vc01/vm-4");
        clock.Advance(TimeSpan.FromDays(20));

        var removed = await new TipPruning(database, clock).RunAsync(TimeSpan.FromDays(90), CancellationToken.None);

        Assert.Equal(1, removed);
        Assert.Null(store.Find(dismissed.Id));
        Assert.Equal((TipStatus.Active, TipStatus.Dismissed, TipStatus.Dismissed), (store.Find(open.Id)?.Status, store.Find(alerted.Id)?.Status, store.Find(recent.Id)?.Status));
        await using var context = database.CreateContext();
        Assert.Equal(0, await context.TipHistory.CountAsync(h => h.TipId == dismissed.Id));
        Assert.Equal(2, await context.TipHistory.CountAsync(h => h.TipId == alerted.Id));
    }
}
