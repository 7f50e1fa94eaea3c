using Microsoft.EntityFrameworkCore;
using Monitoring.HealthModel.Alerts;

namespace Monitoring.Storage.HealthStores;

/// <summary>Prunes the health tables past their retention: state changes by age, closed alerts (and their comments)
/// by the time they closed, and the alert change log by age once every export position has passed a change.</summary>
/// <remarks>Open alerts are never pruned, however old. A change-log entry an exporter has not passed stays, so a
/// connector that is behind loses nothing; with no export position stored at all, age alone decides. Where the
/// sample tables are pruned in batches (SQL Server: below its lock escalation threshold, so writers are never held up
/// by a table lock), these tables are too, each batch committed on its own.</remarks>
public sealed class HealthPruning
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public HealthPruning(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Returns the state changes, closed alerts and change-log entries removed.</summary>
    public async Task<(int StateChanges, int Alerts, int Changes)> RunAsync(HealthRetention retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var now = _time.GetUtcNow();
        await using var context = _database.CreateContext();

        var historyBefore = now - retention.StateChanges;
        var stateChanges = await DeleteAsync(context.StateChanges.Where(c => c.At < historyBefore), cancellationToken).ConfigureAwait(false);

        var closedBefore = now - retention.ClosedAlerts;
        int closedState = ResolutionState.Closed.Value;
        var closed = context.Alerts.Where(a => a.ResolutionState == closedState && a.ResolvedAt != null && a.ResolvedAt < closedBefore).Select(a => a.Id);
        await DeleteAsync(context.AlertComments.Where(c => closed.Contains(c.AlertId)), cancellationToken).ConfigureAwait(false);
        var alerts = await DeleteAsync(context.Alerts.Where(a => a.ResolutionState == closedState && a.ResolvedAt != null && a.ResolvedAt < closedBefore), cancellationToken)
            .ConfigureAwait(false);

        var changedBefore = now - retention.ChangeLog;
        var passed = await context.AlertExportPositions.Select(p => (long?)p.Sequence).MinAsync(cancellationToken).ConfigureAwait(false) ?? long.MaxValue;
        var changes = await DeleteAsync(context.AlertChanges.Where(c => c.Sequence <= passed && c.At < changedBefore), cancellationToken).ConfigureAwait(false);
        return (stateChanges, alerts, changes);
    }

    private Task<int> DeleteAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken) => BatchedDelete.RunAsync(_database, rows, cancellationToken);
}
