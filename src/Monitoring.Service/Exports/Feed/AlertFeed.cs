using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Exports.Feed;

/// <summary>The connector feed: the alert change log read in batches per connector, at least once.</summary>
/// <remarks>Each connector has an acknowledged position, stored in the database. A read without <c>after</c> starts
/// there, so whatever was not acknowledged is delivered again, also after a restart of the service; a read with
/// <c>after</c> pages on without acknowledging. Acknowledging moves the position forward only. A connector seen for
/// the first time starts at the beginning of the log: it gets every alert change kept.</remarks>
internal sealed class AlertFeed
{
    public const int DefaultMax = 100;
    public const int MaxMax = 1000;

    private readonly IAlertChangeLog _log;
    private readonly IExportPositionStore _positions;
    private readonly MaintenanceLookup _maintenance;

    public AlertFeed(IAlertChangeLog log, IExportPositionStore positions, MaintenanceLookup maintenance)
    {
        _log = log;
        _positions = positions;
        _maintenance = maintenance;
    }

    public static string ConsumerId(string connector) => "feed:" + connector;

    /// <summary>Checks a bookmark from a client; see <see cref="FeedBookmark.TryDecode"/>.</summary>
    public long? Decode(string bookmark, string connector, out string? problem) => FeedBookmark.TryDecode(bookmark, connector, _log.LastSequence, out problem);

    /// <summary>Up to <paramref name="max"/> changes after <paramref name="after"/> (a decoded bookmark), or after the
    /// connector's acknowledged position when null.</summary>
    public async Task<AlertFeedPage> ReadAsync(string connector, long? after, int max, CancellationToken cancellationToken)
    {
        var start = after ?? await _positions.GetAsync(ConsumerId(connector), cancellationToken).ConfigureAwait(false) ?? 0;
        var changes = _log.ReadAfter(start, max);
        var end = changes.Count > 0 ? changes[^1].Sequence : start;
        var inMaintenance = await _maintenance(cancellationToken).ConfigureAwait(false);
        return new AlertFeedPage([.. changes.Select(c => AlertChangeDocument.From(c, inMaintenance))], FeedBookmark.Encode(connector, end));
    }

    /// <summary>Acknowledges everything up to <paramref name="sequence"/>; returns the stored bookmark.</summary>
    public async Task<string> AcknowledgeAsync(string connector, long sequence, CancellationToken cancellationToken)
    {
        var stored = await _positions.AdvanceAsync(ConsumerId(connector), sequence, cancellationToken).ConfigureAwait(false);
        return FeedBookmark.Encode(connector, stored);
    }
}
