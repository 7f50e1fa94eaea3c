using Microsoft.EntityFrameworkCore;

namespace Monitoring.Storage;

/// <summary>Rolls minute data up into hours and hours into days, and prunes each past its retention,
/// like the operations manager's data warehouse.</summary>
/// <remarks>Each run recomputes the last few complete buckets from scratch (an upsert), so it is
/// idempotent, and data that arrived late (written after a database outage) is still rolled up.</remarks>
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
        await using var context = _database.CreateContext();
        var hourly = await RollUpAsync(context, "MinuteSamples", "HourlySamples", Hour, now, cancellationToken).ConfigureAwait(false);
        var daily = await RollUpAsync(context, "HourlySamples", "DailySamples", Day, now, cancellationToken).ConfigureAwait(false);
        var pruned = 0;
        pruned += await PruneAsync(context, "MinuteSamples", now - (long)retention.Raw.TotalSeconds, cancellationToken).ConfigureAwait(false);
        pruned += await PruneAsync(context, "HourlySamples", now - (long)retention.Hourly.TotalSeconds, cancellationToken).ConfigureAwait(false);
        pruned += await PruneAsync(context, "DailySamples", now - (long)retention.Daily.TotalSeconds, cancellationToken).ConfigureAwait(false);
        return (hourly, daily, pruned);
    }

    private static Task<int> RollUpAsync(MonitoringDbContext context, string source, string target, long bucket, long now, CancellationToken cancellationToken)
    {
        var end = now - (now % bucket);                 // start of the current, incomplete bucket
        var start = end - (BucketsRecomputed * bucket);

        // Table names are constants of this class, never input; the bounds are parameters.
        // The average is weighted by sample count so an hour with a gap is not skewed.
#pragma warning disable EF1002, EF1003 // interpolated identifiers are our own constants
        return context.Database.ExecuteSqlRawAsync(
            $"INSERT INTO \"{target}\" (\"ObjectId\", \"Metric\", \"Timestamp\", \"Average\", \"Minimum\", \"Maximum\", \"Count\") " +
            $"SELECT \"ObjectId\", \"Metric\", (\"Timestamp\" / {bucket}) * {bucket}, SUM(\"Average\" * \"Count\") / SUM(\"Count\"), MIN(\"Minimum\"), MAX(\"Maximum\"), SUM(\"Count\") " +
            $"FROM \"{source}\" WHERE \"Timestamp\" >= {{0}} AND \"Timestamp\" < {{1}} " +
            $"GROUP BY \"ObjectId\", \"Metric\", (\"Timestamp\" / {bucket}) * {bucket} " +
            "ON CONFLICT (\"ObjectId\", \"Metric\", \"Timestamp\") DO UPDATE SET " +
            "\"Average\" = excluded.\"Average\", \"Minimum\" = excluded.\"Minimum\", \"Maximum\" = excluded.\"Maximum\", \"Count\" = excluded.\"Count\"",
            [start, end],
            cancellationToken);
#pragma warning restore EF1002, EF1003
    }

    private static Task<int> PruneAsync(MonitoringDbContext context, string table, long before, CancellationToken cancellationToken) =>
#pragma warning disable EF1002 // the table name is our own constant
        context.Database.ExecuteSqlRawAsync($"DELETE FROM \"{table}\" WHERE \"Timestamp\" < {{0}}", [before], cancellationToken);
#pragma warning restore EF1002, EF1003
}
