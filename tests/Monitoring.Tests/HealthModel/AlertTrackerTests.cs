using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Api.Alerts;
using Xunit;

namespace Monitoring.Tests.HealthModel;

public sealed class AlertTrackerTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(s_t0);

    private AlertTracker Tracker(ResolutionStateCatalog? states = null) => new(new InMemoryAlertStore(), states ?? new ResolutionStateCatalog(), _clock);

    private static AlertRequest Request => new("VirtHostCpuPressure", AlertSeverity.Critical, AlertPriority.High, "vc01/host-1", "host.cpu", "host CPU at 97 %");

    [Fact]
    public void Acknowledge_ThenClose_ResolutionStates249Then255WithWhoAndWhen()
    {
        var tracker = Tracker();
        var alert = tracker.Raise(Request);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var acked = tracker.Acknowledge(alert.Id, "alice", "looking");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var closed = tracker.Close(alert.Id, "bob");

        Assert.Equal(249, acked.ResolutionState.Value);
        Assert.True(acked.IsOpen);
        Assert.Equal(255, closed.ResolutionState.Value);
        Assert.False(closed.IsOpen);
        Assert.Equal(("bob", s_t0.AddMinutes(2)), (closed.ResolvedBy, closed.ResolvedAt!.Value));
        Assert.Equal(["resolution state New -> Acknowledged: looking", "resolution state Acknowledged -> Closed"], closed.Comments.Select(c => c.Text));
        Assert.Equal(["alice", "bob"], closed.Comments.Select(c => c.Author));
    }

    [Fact]
    public void AutoResolve_InsideKnowOpenAlerts_ClosesAlertsOpenedBeforeAndDuringTheScopeAndNothingElse()
    {
        var store = new InMemoryAlertStore();
        var tracker = new AlertTracker(store, new ResolutionStateCatalog(), _clock);
        var before = tracker.Raise(Request);

        long duringId;
        Alert? closedBefore, closedDuring, none;
        using (tracker.KnowOpenAlerts())
        {
            duringId = tracker.Raise(Request with { ObjectId = "vc01/host-2" }).Id;
            closedBefore = tracker.AutoResolve("vc01/host-1", "host.cpu", "healthy again");
            closedDuring = tracker.AutoResolve("vc01/host-2", "host.cpu", "healthy again");
            none = tracker.AutoResolve("vc01/host-3", "host.cpu", "healthy again");
        }

        Assert.Equal(before.Id, closedBefore?.Id);
        Assert.Equal(duringId, closedDuring?.Id);
        Assert.Null(none);
        Assert.Empty(store.List(includeClosed: false));
        Assert.Equal(2, store.List(includeClosed: true).Count);
    }

    [Fact]
    public void AutoResolve_AfterTheScope_FindsAnAlertOpenedOutsideTheTracker()
    {
        var store = new InMemoryAlertStore();
        var tracker = new AlertTracker(store, new ResolutionStateCatalog(), _clock);
        using (tracker.KnowOpenAlerts())
        {
            Assert.Null(tracker.AutoResolve("vc01/host-1", "host.cpu", "healthy again"));
        }

        // Opened by another tracker on the same store: once the scope is over, the store is asked again.
        var elsewhere = new AlertTracker(store, new ResolutionStateCatalog(), _clock).Raise(Request);

        Assert.Equal(elsewhere.Id, tracker.AutoResolve("vc01/host-1", "host.cpu", "healthy again")?.Id);
    }

    [Fact]
    public void SetResolutionState_CustomStateDefined_IsAccepted()
    {
        var tracker = Tracker(new ResolutionStateCatalog().Define(5, "Assigned to storage team"));
        var alert = tracker.Raise(Request);

        var changed = tracker.SetResolutionState(alert.Id, 5, "alice");

        Assert.Equal(5, changed.ResolutionState.Value);
        Assert.True(changed.ResolutionState.IsCustom);
        Assert.Equal("resolution state New -> Assigned to storage team", changed.Comments[^1].Text);
    }

    [Fact]
    public void SetResolutionState_UndefinedState_SaysWhichAreDefined()
    {
        var tracker = Tracker(new ResolutionStateCatalog().Define(5, "Assigned"));
        var alert = tracker.Raise(Request);

        var error = Assert.Throws<AlertOperationException>(() => tracker.SetResolutionState(alert.Id, 7, "alice"));

        Assert.Equal("Resolution state 7 is not defined; defined: 0 New, 5 Assigned, 249 Acknowledged, 255 Closed.", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(249)]
    [InlineData(250)]
    public void Define_OutsideTheCustomRange_IsRefused(int value)
    {
        var error = Assert.Throws<AlertOperationException>(() => new ResolutionStateCatalog().Define(value, "x"));

        Assert.Contains("use 2-248", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Close_ClosedAlert_IsRefusedAndUnknownIdIsNamed()
    {
        var tracker = Tracker();
        var alert = tracker.Raise(Request);
        tracker.Close(alert.Id, "alice");

        Assert.StartsWith($"Alert {alert.Id} is closed (by alice", Assert.Throws<AlertOperationException>(() => tracker.Acknowledge(alert.Id, "bob")).Message, StringComparison.Ordinal);
        Assert.Equal("There is no alert 999.", Assert.Throws<AlertOperationException>(() => tracker.Close(999, "bob")).Message);
    }

    [Fact]
    public void RefusedOperations_SayWhyByTheirFailureNotOnlyTheirMessage()
    {
        var tracker = Tracker();
        var alert = tracker.Raise(Request);
        var undefined = Assert.Throws<AlertOperationException>(() => tracker.SetResolutionState(alert.Id, 17, "alice"));
        tracker.Close(alert.Id, "alice");

        // What the API turns into 404, 409 and 400.
        Assert.Equal(AlertOperationFailure.NotFound, Assert.Throws<AlertOperationException>(() => tracker.Close(999, "bob")).Failure);
        Assert.Equal(AlertOperationFailure.Closed, Assert.Throws<AlertOperationException>(() => tracker.Acknowledge(alert.Id, "bob")).Failure);
        Assert.Equal(AlertOperationFailure.Invalid, undefined.Failure);
        Assert.Equal(AlertOperationFailure.Invalid, Assert.Throws<AlertOperationException>(() => tracker.AddComment(alert.Id, "bob", " ")).Failure);
    }

    [Fact]
    public void AssignOwnerAndComment_AreKeptOnTheAlert()
    {
        var tracker = Tracker();
        var alert = tracker.Raise(Request);

        tracker.AssignOwner(alert.Id, "storage-team", "alice");
        var commented = tracker.AddComment(alert.Id, "bob", "vMotion started");

        Assert.Equal("storage-team", commented.Owner);
        Assert.Equal(["owner: storage-team", "vMotion started"], commented.Comments.Select(c => c.Text));
    }

    [Fact]
    public void AlertAsTheApiAndCliShowIt_HasTheContractShape()
    {
        var tracker = Tracker();
        var alert = tracker.Raise(Request);
        tracker.Raise(Request);
        tracker.Acknowledge(alert.Id, "alice");

        var json = JsonSerializer.Serialize(AlertView.From(tracker.Get(alert.Id)!, inMaintenance: false));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal(alert.Id, root.GetProperty("id").GetInt64());
        Assert.Equal("VirtHostCpuPressure", root.GetProperty("name").GetString());
        Assert.Equal("Critical", root.GetProperty("severity").GetString());
        Assert.Equal("High", root.GetProperty("priority").GetString());
        Assert.Equal("open", root.GetProperty("state").GetString());
        Assert.Equal(249, root.GetProperty("resolutionState").GetInt32());
        Assert.Equal("vc01/host-1", root.GetProperty("object").GetString());
        Assert.Equal(1, root.GetProperty("repeatCount").GetInt32());
        Assert.Equal(s_t0, root.GetProperty("raisedAt").GetDateTimeOffset());
    }
}
