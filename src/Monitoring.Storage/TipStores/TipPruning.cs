namespace Monitoring.Storage.TipStores;

/// <summary>Prunes final PRO tips (resolved, failed, dismissed, closed) whose last change is older than the retention,
/// with their history. Open tips are never pruned.</summary>
/// <remarks>A tip whose target has an open alert of ours stays, however old: an alert-driven tip is found again by
/// its alert's occurrence, so pruning a dismissed one while that alert still fires would let the next pass raise the
/// same tip anew. An Alertmanager alert's firing is not stored, so a tip about one that still fires after the
/// retention can be raised once more.</remarks>
public sealed class TipPruning
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public TipPruning(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Returns the tips removed.</summary>
    public async Task<int> RunAsync(TimeSpan keepFinal, CancellationToken cancellationToken)
    {
        var before = _time.GetUtcNow() - keepFinal;
        await using var context = _database.CreateContext();
        var alerted = context.Alerts.Where(a => a.IsOpen).Select(a => a.ObjectId);
        var expired = context.Tips.Where(t => !t.IsOpen && t.UpdatedAt < before && !alerted.Contains(t.Target));
        var expiredIds = expired.Select(t => t.Id);

        // History first, as the alerts' comments are: no reliance on the database cascading the delete.
        await BatchedDelete.RunAsync(_database, context.TipHistory.Where(h => expiredIds.Contains(h.TipId)), cancellationToken).ConfigureAwait(false);
        return await BatchedDelete.RunAsync(_database, expired, cancellationToken).ConfigureAwait(false);
    }
}
