using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.Storage.Exports;
using Monitoring.Storage.HealthStores;
using Monitoring.Tests.Storage.SqlServer;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.HealthStores;

/// <summary>Pruning of the health tables on SQLite, with a fake clock: state changes and closed alerts by age, open
/// alerts never, the change log only behind every export position and past its minimum age.</summary>
public sealed class HealthPruningTests
{
    private static readonly DateTimeOffset s_start = new(2026, 10, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly HealthRetention s_retention = new(TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(7));

    private static AlertRequest Request(string objectId) =>
        new("VirtTargetUnreachable", AlertSeverity.Critical, AlertPriority.High, objectId, "target.availability", $"{objectId} does not answer");

    [Fact]
    public async Task Run_FortyDaysOn_RemovesWhatIsPastRetentionAndKeepsOpenAlertsAndWhatExportsStillNeed()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var alerts = new EfAlertStore(database, clock);
        var tracker = new AlertTracker(alerts, new ResolutionStateCatalog(), clock);
        var history = new EfStateChangeStore(database);
        var positions = new ExportPositionStore(database, clock);

        // Day 0: an old change; alert A raised, commented and closed; alert B raised and left open.
        history.Append(new StateChange("target:a", null, HealthState.Healthy, HealthState.Critical, clock.GetUtcNow(), "old", false, false));
        var a = tracker.Raise(Request("target:a"));
        tracker.AddComment(a.Id, "ops", "seen");
        tracker.Close(a.Id, "ops");
        var b = tracker.Raise(Request("target:b"));
        var feedRead = alerts.LastSequence;
        await positions.AdvanceAsync("feed:opsmgr", feedRead, CancellationToken.None);

        // Day 35: alert C closes (5 days before the run); a recent change.
        clock.Advance(TimeSpan.FromDays(35));
        var c = tracker.Raise(Request("target:c"));
        tracker.Close(c.Id, "ops");
        clock.Advance(TimeSpan.FromDays(5));
        history.Append(new StateChange("target:a", null, HealthState.Critical, HealthState.Healthy, clock.GetUtcNow(), "recent", false, false));
        history.Flush();

        var (stateChanges, removedAlerts, changes) = await new HealthPruning(database, clock).RunAsync(s_retention, CancellationToken.None);

        Assert.Equal((1, 1), (stateChanges, removedAlerts));
        Assert.Equal(["recent"], history.Query(null, DateTimeOffset.MinValue, 100).Select(s => s.Cause));
        Assert.Null(alerts.Find(a.Id));
        Assert.NotNull(alerts.Find(b.Id));   // open alerts stay, however old
        Assert.NotNull(alerts.Find(c.Id));   // closed 5 days ago
        // The change log: what the feed had read (day 0) goes; C's changes (after the feed's position) stay.
        var left = alerts.ReadAfter(0, 100);
        Assert.Equal(feedRead, (long)changes);
        Assert.All(left, l => Assert.True(l.Sequence > feedRead));
        Assert.Equal([c.Id, c.Id], left.Select(l => l.Alert.Id));
    }

    [Fact]
    public async Task Run_AnExportBehind_KeepsTheChangesItHasNotPassedWhateverTheirAge()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var alerts = new EfAlertStore(database, clock);
        var tracker = new AlertTracker(alerts, new ResolutionStateCatalog(), clock);
        var positions = new ExportPositionStore(database, clock);
        var first = tracker.Raise(Request("target:a"));
        var firstSequence = alerts.LastSequence;
        tracker.Acknowledge(first.Id, "ops");
        await positions.AdvanceAsync("feed:fast", alerts.LastSequence, CancellationToken.None);
        await positions.AdvanceAsync("webhook:slow", firstSequence, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(20));
        var (_, _, changes) = await new HealthPruning(database, clock).RunAsync(s_retention, CancellationToken.None);

        Assert.Equal(1, changes);
        Assert.Equal(ResolutionState.Acknowledged, Assert.Single(alerts.ReadAfter(0, 100)).Alert.ResolutionState);
    }

    [Fact]
    public async Task Run_BatchedAsOnSqlServer_RemovesEveryOldRowBatchByBatchAndNoRecentOne()
    {
        using var directory = new TempDirectory();
        var database = (await TestDatabase.CreateAsync(directory)).WithSampleSql(new BatchedSqliteSampleSql(batch: 3));
        var clock = new FakeTimeProvider(s_start);
        var alerts = new EfAlertStore(database, clock);
        var tracker = new AlertTracker(alerts, new ResolutionStateCatalog(), clock);
        var history = new EfStateChangeStore(database);

        // Day 0: ten changes and seven closed alerts with a comment each (more than two batches of each); day 40: two more.
        for (var i = 0; i < 10; i++)
        {
            history.Append(new StateChange($"vm:{i}", null, HealthState.Healthy, HealthState.Warning, clock.GetUtcNow(), "old", false, false));
        }

        var old = Enumerable.Range(0, 7).Select(i =>
        {
            var alert = tracker.Raise(Request($"target:{i}"));
            tracker.AddComment(alert.Id, "ops", "seen");
            return tracker.Close(alert.Id, "ops");
        }).ToList();
        clock.Advance(TimeSpan.FromDays(40));
        history.Append(new StateChange("vm:0", null, HealthState.Warning, HealthState.Healthy, clock.GetUtcNow(), "recent", false, false));
        history.Append(new StateChange("vm:1", null, HealthState.Warning, HealthState.Healthy, clock.GetUtcNow(), "recent", false, false));
        history.Flush();
        var recent = tracker.Close(tracker.Raise(Request("target:recent")).Id, "ops");

        var (stateChanges, removedAlerts, _) = await new HealthPruning(database, clock).RunAsync(s_retention, CancellationToken.None);

        Assert.Equal((10, 7), (stateChanges, removedAlerts));
        Assert.Equal(["recent", "recent"], history.Query(null, DateTimeOffset.MinValue, 100).Select(s => s.Cause));
        Assert.All(old, a => Assert.Null(alerts.Find(a.Id)));
        Assert.NotNull(alerts.Find(recent.Id));
    }
}
