using Microsoft.Extensions.Time.Testing;
using Monitoring.Core.Model;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Model;
using Monitoring.Storage.HealthStores;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.HealthStores;

public sealed class EfAlertStoreTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static AlertRequest Request => new("VirtTargetUnreachable", AlertSeverity.Critical, AlertPriority.High, "target:vc01", "target.availability", "vc01 does not answer");

    [Fact]
    public async Task Tracker_RaiseRepeatAckClose_StoredWithCommentsAndOneChangeEachInOrder()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var store = new EfAlertStore(database, clock);
        var tracker = new AlertTracker(store, new ResolutionStateCatalog(), clock);

        var raised = tracker.Raise(Request, fromMonitor: true);
        clock.Advance(TimeSpan.FromMinutes(1));
        tracker.Raise(Request, fromMonitor: true);
        tracker.Acknowledge(raised.Id, "key:ops", "looking");
        tracker.Close(raised.Id, "cli:root");

        var stored = store.Find(raised.Id)!;
        Assert.Equal((1, ResolutionState.Closed, "cli:root"), (stored.RepeatCount, stored.ResolutionState, stored.ResolvedBy));
        Assert.Equal(2, stored.Comments.Count);
        Assert.Contains("looking", stored.Comments[0].Text, StringComparison.Ordinal);
        Assert.Null(store.FindOpen(Request.ObjectId, Request.Source));

        var changes = store.ReadAfter(0, 100);
        Assert.Equal([true, false, false, false], changes.Select(c => c.IsNew));
        Assert.Equal(changes.Select(c => c.Sequence).Order(), changes.Select(c => c.Sequence));
        Assert.Equal(store.LastSequence, changes[^1].Sequence);
        Assert.Equal(ResolutionState.Acknowledged, changes[2].Alert.ResolutionState);
        Assert.Equal(ResolutionState.Closed, changes[3].Alert.ResolutionState);
        Assert.Equal(changes.Skip(2), store.ReadAfter(changes[1].Sequence, 100), (a, b) => a.Sequence == b.Sequence);
    }

    [Fact]
    public async Task FindOpen_NewStoreOnTheSameDatabase_ReadsTheOpenAlertBackSoARaiseRepeatsIt()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var first = new AlertTracker(new EfAlertStore(database, clock), new ResolutionStateCatalog(), clock).Raise(Request, fromMonitor: true);

        // A restart: a new store and tracker over the same file.
        var store = new EfAlertStore(database, clock);
        var again = new AlertTracker(store, new ResolutionStateCatalog(), clock).Raise(Request, fromMonitor: true);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, again.RepeatCount);
        Assert.Single(store.List(includeClosed: true));
    }

    [Fact]
    public async Task Update_AlertClosedMeanwhile_RefusedSoAClosedAlertNeverReopens()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var store = new EfAlertStore(database, clock);
        var tracker = new AlertTracker(store, new ResolutionStateCatalog(), clock);
        var alert = tracker.Raise(Request);
        var staleCopy = store.Find(alert.Id)!;
        tracker.Close(alert.Id, "System");

        Assert.Throws<AlertOperationException>(() => store.Update(staleCopy with { ResolutionState = ResolutionState.Acknowledged }));
        Assert.Equal(ResolutionState.Closed, store.Find(alert.Id)!.ResolutionState);
    }

    [Fact]
    public async Task Query_ByTargetAndState_MatchesTheTargetNodeAndItsObjectsOnly()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var store = new EfAlertStore(database, clock);
        var tracker = new AlertTracker(store, new ResolutionStateCatalog(), clock);
        tracker.Raise(Request);
        tracker.Raise(Request with { ObjectId = "vc01/host-1", Source = "host.cpu" });
        var other = tracker.Raise(Request with { ObjectId = "vc010/host-1", Source = "host.cpu" });
        tracker.Close(other.Id, "System");

        Assert.Equal(2, store.Query(new AlertQuery(true, null, null, "vc01", 0, 10)).Total);
        Assert.Equal(1, store.Query(new AlertQuery(null, null, null, "vc010", 0, 10)).Total);
        Assert.Equal(0, store.Query(new AlertQuery(true, null, null, "vc010", 0, 10)).Total);
    }

    [Fact]
    public async Task StateHistoryAndWindows_StoredAndReadBack()
    {
        using var directory = new TempDirectory();
        var database = await TestDatabase.CreateAsync(directory);
        var clock = new FakeTimeProvider(s_start);
        var history = new EfStateChangeStore(database);
        history.Append(new StateChange("target:vc01", "target.availability", HealthState.Healthy, HealthState.Critical, s_start, "no answer", false, false));
        history.Append(new StateChange("target:vc01", null, HealthState.Healthy, HealthState.Critical, s_start, "monitor target.availability is critical", false, false));

        var read = new EfStateChangeStore(database).Query("target:vc01", s_start, 10);
        Assert.Empty(read); // not flushed yet: appends are batched
        var flushed = history.Query("target:vc01", s_start, 10);
        Assert.Equal(
        [
            new StateChange("target:vc01", "target.availability", HealthState.Healthy, HealthState.Critical, s_start, "no answer", false, false),
            new StateChange("target:vc01", null, HealthState.Healthy, HealthState.Critical, s_start, "monitor target.availability is critical", false, false),
        ],
        flushed);

        // Read by EF what the SQLite fast path wrote: every column as EF maps it (the enums, the time, the flags).
        history.Append(new StateChange("vc01/vm-7", "vm.cpu", HealthState.Unknown, HealthState.Warning, s_start.AddMinutes(3), "CPU at 91 %", true, true));
        Assert.Equal(1, history.Flush());
        var last = Assert.Single(new EfStateChangeStore(database).Query("vc01/vm-7", s_start, 10));
        Assert.Equal(new StateChange("vc01/vm-7", "vm.cpu", HealthState.Unknown, HealthState.Warning, s_start.AddMinutes(3), "CPU at 91 %", true, true), last);

        var windows = new EfMaintenanceWindowStore(database, clock);
        windows.Add(new MaintenanceWindow("w1", "group:prod", s_start, s_start.AddHours(1), "patching", "key:ops"));
        Assert.Single(new EfMaintenanceWindowStore(database, clock).Active(s_start));
        Assert.True(windows.Close("w1", s_start.AddMinutes(5)));
        Assert.Empty(new EfMaintenanceWindowStore(database, clock).Active(s_start.AddMinutes(5)));
    }
}
