using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Sql;

namespace Monitoring.Storage;

/// <summary>Rolls minute data up into hours and hours into days, and prunes each past its retention,
/// like the operations manager's data warehouse.</summary>
/// <remarks>Each run recomputes the last few complete buckets from scratch (an upsert), so it is
/// idempotent, and data that arrived late (written after a database outage) is still rolled up.
/// The SQL is the provider's own (<see cref="ISampleSql"/>).</remarks>
public sealed class RollupMaintenance
{
    /// <summary>Complete buckets recomputed on each run.</summary>
    private const int BucketsRecomputed = 3;

    private const long Hour = 3600;
    private const long Day = 86400;

    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public RollupMaintenance(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Rolls up and prunes; returns the rows written to the hourly and daily tables and the rows pruned.</summary>
    public async Task<(int Hourly, int Daily, int Pruned)> RunAsync(RetentionPolicy retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var sql = _database.SampleSql;
        await using var context = _database.CreateContext();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var connection = context.Database.GetDbConnection();

        var hourly = await RollUpAsync(connection, sql, "MinuteSamples", "HourlySamples", Hour, now, cancellationToken).ConfigureAwait(false);
        var daily = await RollUpAsync(connection, sql, "HourlySamples", "DailySamples", Day, now, cancellationToken).ConfigureAwait(false);
        var pruned = 0;
        pruned += await PruneAsync(connection, sql, "MinuteSamples", now - (long)retention.Raw.TotalSeconds, cancellationToken).ConfigureAwait(false);
        pruned += await PruneAsync(connection, sql, "HourlySamples", now - (long)retention.Hourly.TotalSeconds, cancellationToken).ConfigureAwait(false);
        pruned += await PruneAsync(connection, sql, "DailySamples", now - (long)retention.Daily.TotalSeconds, cancellationToken).ConfigureAwait(false);
        return (hourly, daily, pruned);
    }

    private static Task<int> RollUpAsync(DbConnection connection, ISampleSql sql, string source, string target, long bucket, long now, CancellationToken cancellationToken)
    {
        var end = now - (now % bucket);                 // start of the current, incomplete bucket
        var start = end - (BucketsRecomputed * bucket);
        return ExecuteAsync(connection, sql.RollUp(source, target, bucket), [("@start", start), ("@end", end)], cancellationToken);
    }

    private static async Task<int> PruneAsync(DbConnection connection, ISampleSql sql, string table, long before, CancellationToken cancellationToken)
    {
        if (sql.PruneBatchSize is not { } batch)
        {
            return await ExecuteAsync(connection, sql.Prune(table), [("@before", before)], cancellationToken).ConfigureAwait(false);
        }

        // Batch after batch, each committed on its own, until a batch comes back short. A count of -1
        // (NOCOUNT forced on by the server) also ends the loop rather than spinning.
        var total = 0;
        int deleted;
        do
        {
            deleted = await ExecuteAsync(connection, sql.Prune(table), [("@before", before), ("@batch", batch)], cancellationToken).ConfigureAwait(false);
            total += Math.Max(deleted, 0);
        }
        while (deleted == batch);

        return total;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, IReadOnlyList<(string Name, long Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
