using Microsoft.Data.Sqlite;
using Monitoring.IntegrationTests.Infrastructure;
using Monitoring.Service.Exports.Feed;
using Monitoring.Storage;
using Monitoring.Storage.Exports;
using Xunit;

namespace Monitoring.IntegrationTests.Exports;

/// <summary>The connector feed across a restart: bookmarks in a real SQLite file, everything that held them disposed and
/// opened again. The alerts come from the real health engine; their change log is the in-memory one, standing in for the
/// database store that arrives with the alerts ticket (it survives here as an object, as the database log will).</summary>
public sealed class AlertFeedRestartTests : IDisposable
{
    private readonly Workspace _workspace = new();
    private readonly ExportEstate _estate = new();

    public void Dispose()
    {
        _estate.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Feed_ReadAckRestartRead_UnacknowledgedComeAgainAcknowledgedNever()
    {
        _estate.FailTarget(); // sequence 1: raised
        _estate.RecoverTarget(); // sequence 2: closed
        var feed = await OpenAsync();
        var first = await feed.ReadAsync("opsmgr", null, 1, CancellationToken.None);
        await feed.AcknowledgeAsync("opsmgr", feed.Decode(first.Bookmark, "opsmgr", out _)!.Value, CancellationToken.None);
        var unacknowledged = await feed.ReadAsync("opsmgr", feed.Decode(first.Bookmark, "opsmgr", out _), 10, CancellationToken.None);
        _estate.FailTarget(); // sequence 3: raised again while "down"

        SqliteConnection.ClearAllPools(); // the service stops: nothing of the first run stays open
        var restarted = await OpenAsync();
        var after = await restarted.ReadAsync("opsmgr", null, 10, CancellationToken.None);

        Assert.Equal([1L], first.Items.Select(i => i.Sequence));
        Assert.Equal([2L], unacknowledged.Items.Select(i => i.Sequence));
        Assert.Equal([2L, 3L], after.Items.Select(i => i.Sequence));
        Assert.Equal(["closed", "open"], after.Items.Select(i => i.State));
        Assert.Equal(first.Bookmark, await restarted.AcknowledgeAsync("opsmgr", 0, CancellationToken.None)); // an old ack moves nothing back

        await restarted.AcknowledgeAsync("opsmgr", restarted.Decode(after.Bookmark, "opsmgr", out _)!.Value, CancellationToken.None);
        SqliteConnection.ClearAllPools();
        Assert.Empty((await (await OpenAsync()).ReadAsync("opsmgr", null, 10, CancellationToken.None)).Items);
    }

    private async Task<AlertFeed> OpenAsync()
    {
        var database = MonitoringDatabase.Sqlite("Data Source=monitoring.db", _workspace.Directory);
        await database.MigrateAsync(CancellationToken.None);
        return new AlertFeed(_estate.Alerts, new ExportPositionStore(database, TimeProvider.System), _ => Task.FromResult<Func<string, bool>>(_ => false));
    }
}
