using Microsoft.Extensions.Time.Testing;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Api.Alerts;
using Monitoring.Service.Exports;
using Monitoring.Service.Exports.Feed;
using Monitoring.Storage.Exports;
using Monitoring.Tests.Support;
using Xunit;
using A = Monitoring.Tests.Service.Exports.ExportTestAlerts;

namespace Monitoring.Tests.Service.Exports;

/// <summary>The connector feed over an in-memory alert store and a real SQLite file for the bookmarks.</summary>
public sealed class AlertFeedTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(A.Raised);
    private readonly InMemoryAlertStore _store;

    public AlertFeedTests() => _store = new InMemoryAlertStore(_clock);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Read_NothingAcknowledged_SameItemsDeliveredAgain()
    {
        var feed = await FeedAsync();
        Raise(3);

        var first = await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None);
        var again = await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], first.Items.Select(i => i.Sequence));
        Assert.Equal(first.Items.Select(i => i.Sequence), again.Items.Select(i => i.Sequence));
        Assert.Equal(first.Bookmark, again.Bookmark);
    }

    [Fact]
    public async Task Read_PagesWithAfter_ThenAcknowledged_OnlyNewerItemsFollow()
    {
        var feed = await FeedAsync();
        Raise(5);

        var page1 = await feed.ReadAsync("opsmgr", null, 2, CancellationToken.None);
        var page2 = await feed.ReadAsync("opsmgr", Decode(feed, page1.Bookmark), 2, CancellationToken.None);
        await feed.AcknowledgeAsync("opsmgr", Decode(feed, page2.Bookmark), CancellationToken.None);
        Raise(1);
        var rest = await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None);

        Assert.Equal([1L, 2L], page1.Items.Select(i => i.Sequence));
        Assert.Equal([3L, 4L], page2.Items.Select(i => i.Sequence));
        Assert.Equal([5L, 6L], rest.Items.Select(i => i.Sequence));
    }

    [Fact]
    public async Task Read_EachConnector_HasItsOwnPosition()
    {
        var feed = await FeedAsync();
        Raise(2);
        var read = await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None);
        await feed.AcknowledgeAsync("opsmgr", Decode(feed, read.Bookmark), CancellationToken.None);

        Assert.Empty((await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None)).Items);
        Assert.Equal(2, (await feed.ReadAsync("servicedesk", null, 10, CancellationToken.None)).Items.Count);
    }

    [Fact]
    public async Task Acknowledge_AnOlderBookmarkAfterANewerOne_KeepsTheNewerPosition()
    {
        var feed = await FeedAsync();
        Raise(4);
        var old = (await feed.ReadAsync("opsmgr", null, 1, CancellationToken.None)).Bookmark;
        var all = (await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None)).Bookmark;

        await feed.AcknowledgeAsync("opsmgr", Decode(feed, all), CancellationToken.None);
        var stored = await feed.AcknowledgeAsync("opsmgr", Decode(feed, old), CancellationToken.None);

        Assert.Equal(all, stored);
        Assert.Empty((await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Read_AlertRaisedThenClosed_ItemsCarryTheAlertAsItWasAfterEachChange()
    {
        var feed = await FeedAsync();
        var alert = _store.Add(A.Unreachable(id: 0));
        _clock.Advance(TimeSpan.FromMinutes(2));
        _store.Update(A.Closed(alert, _clock.GetUtcNow()));

        var items = (await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None)).Items;

        Assert.Equal([(AlertChangeDocument.Raised, "open", 0), (AlertChangeDocument.Updated, "closed", 255)], items.Select(i => (i.Change, i.State, i.ResolutionState)));
        Assert.All(items, i => Assert.Equal(("vc01", "target.availability", "Critical"), (i.Target, i.Source, i.Severity)));
        Assert.Equal(A.Raised.AddMinutes(2), items[1].ChangedAt);
    }

    [Fact]
    public async Task Read_ObjectInMaintenance_ItemSaysSoAsTheAlertDocumentDoes()
    {
        var alert = _store.Add(A.Unreachable(id: 0));
        var feed = new AlertFeed(_store, new ExportPositionStore(await TestDatabase.CreateAsync(_directory), _clock), _ => Task.FromResult<Func<string, bool>>(id => id == alert.ObjectId));

        var item = Assert.Single((await feed.ReadAsync("opsmgr", null, 10, CancellationToken.None)).Items);

        Assert.True(item.InMaintenance);
        Assert.Equal(AlertView.From(alert, inMaintenance: true, withComments: true) with { Comments = null }, ViewOf(item));
    }

    /// <summary>The item without its change-log fields, as the API's alert view (comments compared apart).</summary>
    private static AlertView ViewOf(AlertChangeDocument i) => new(
        i.Id, i.Name, i.Severity, i.Priority, i.State, i.ResolutionState, i.ObjectId, i.RepeatCount, i.RaisedAt, i.Description,
        i.Target, i.Source, i.Owner, i.LastModifiedAt, i.ResolvedAt, i.ResolvedBy, i.InMaintenance);

    private async Task<AlertFeed> FeedAsync() =>
        new(_store, new ExportPositionStore(await TestDatabase.CreateAsync(_directory), _clock), _ => Task.FromResult<Func<string, bool>>(_ => false));

    private static long Decode(AlertFeed feed, string bookmark) => feed.Decode(bookmark, "opsmgr", out _)!.Value;

    private void Raise(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _store.Add(A.HostCpu() with { ObjectId = $"vc01/host-{_store.LastSequence + 1}" });
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
