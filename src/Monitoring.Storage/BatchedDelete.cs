using Microsoft.EntityFrameworkCore;

namespace Monitoring.Storage;

/// <summary>Deletes rows the way the sample tables are pruned: in one statement on SQLite, in batches each committed
/// alone on SQL Server (below its lock escalation threshold, so writers are never held up by a table lock).</summary>
internal static class BatchedDelete
{
    /// <summary>Deletes <paramref name="rows"/>: in one statement, or batch by batch until a batch comes back short.</summary>
    public static async Task<int> RunAsync<T>(MonitoringDatabase database, IQueryable<T> rows, CancellationToken cancellationToken)
    {
        if (database.SampleSql.PruneBatchSize is not { } batch)
        {
            return await rows.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var total = 0;
        int deleted;
        do
        {
            deleted = await rows.Take(batch).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
        }
        while (deleted == batch);
        return total;
    }
}
