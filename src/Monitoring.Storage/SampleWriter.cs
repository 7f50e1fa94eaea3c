using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;
using Monitoring.Storage.Sql;

namespace Monitoring.Storage;

/// <summary>The fast path for performance data: minute aggregates written in one transaction, bypassing
/// change tracking (tens of thousands of rows a minute at scale).</summary>
/// <remarks>Writes are upserts keyed by object, metric and minute, so a batch retried after an outage
/// never duplicates a row; within a batch the last row of a key wins. SQLite runs one prepared statement per
/// row (through SQLite's own API); SQL Server bulk-copies the batch into a staging table and merges it in one statement.</remarks>
public sealed class SampleWriter
{
    private readonly MonitoringDatabase _database;

    public SampleWriter(MonitoringDatabase database) => _database = database;

    /// <summary>Writes <paramref name="rows"/>; all or nothing.</summary>
    public async Task WriteAsync(IReadOnlyList<MinuteSampleRecord> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var context = _database.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_database.Provider == StorageProvider.SqlServer)
        {
            await BulkMergeAsync((SqlConnection)connection, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await UpsertEachAsync((SqliteConnection)connection, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One row per key, the last one of each, in first-seen order.</summary>
    /// <remarks>A MERGE fails when two source rows hit one target row, where SQLite's row-by-row upsert lets
    /// the last one win; deduplicating first gives SQL Server the same result. Ordinal keys, like the binary
    /// collation of the key columns.</remarks>
    internal static IReadOnlyList<MinuteSampleRecord> LastPerKey(IReadOnlyList<MinuteSampleRecord> rows)
    {
        var positions = new Dictionary<(string ObjectId, string Metric, long Timestamp), int>(rows.Count);
        var result = new List<MinuteSampleRecord>(rows.Count);
        foreach (var row in rows)
        {
            var key = (row.ObjectId, row.Metric, row.Timestamp);
            if (positions.TryGetValue(key, out var position))
            {
                result[position] = row;
            }
            else
            {
                positions.Add(key, result.Count);
                result.Add(row);
            }
        }

        return result;
    }

    /// <summary>The batch as a table shaped like <see cref="SqlServerSampleSql.CreateStaging"/>.</summary>
    internal static DataTable ToStagingTable(IReadOnlyList<MinuteSampleRecord> rows)
    {
        var table = new DataTable(SqlServerSampleSql.StagingTable) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add(nameof(MinuteSampleRecord.ObjectId), typeof(string));
        table.Columns.Add(nameof(MinuteSampleRecord.Metric), typeof(string));
        table.Columns.Add(nameof(MinuteSampleRecord.Timestamp), typeof(long));
        table.Columns.Add(nameof(MinuteSampleRecord.Average), typeof(double));
        table.Columns.Add(nameof(MinuteSampleRecord.Minimum), typeof(double));
        table.Columns.Add(nameof(MinuteSampleRecord.Maximum), typeof(double));
        table.Columns.Add(nameof(MinuteSampleRecord.Count), typeof(int));
        foreach (var row in rows)
        {
            table.Rows.Add(row.ObjectId, row.Metric, row.Timestamp, row.Average, row.Minimum, row.Maximum, row.Count);
        }

        return table;
    }

    /// <summary>One prepared upsert per row, in one transaction, through SQLite's own API (see <see cref="SqliteStatement"/>).</summary>
    private static async Task UpsertEachAsync(SqliteConnection connection, IReadOnlyList<MinuteSampleRecord> rows, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        using (var upsert = new SqliteStatement(connection, SqliteSampleSql.UpsertMinuteSample))
        {
            var (objectId, metric, timestamp, average, minimum, maximum, count) =
                (upsert.Index("$o"), upsert.Index("$m"), upsert.Index("$t"), upsert.Index("$avg"), upsert.Index("$min"), upsert.Index("$max"), upsert.Index("$n"));
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var row = rows[i];
                upsert.Bind(objectId, row.ObjectId);
                upsert.Bind(metric, row.Metric);
                upsert.Bind(timestamp, row.Timestamp);
                upsert.Bind(average, row.Average);
                upsert.Bind(minimum, row.Minimum);
                upsert.Bind(maximum, row.Maximum);
                upsert.Bind(count, (long)row.Count);
                upsert.Execute();
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Staging table, bulk copy, one MERGE, all in one transaction (a rollback also drops the table).</summary>
    private static async Task BulkMergeAsync(SqlConnection connection, IReadOnlyList<MinuteSampleRecord> rows, CancellationToken cancellationToken)
    {
        await using var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqlServerSampleSql.CreateStaging, cancellationToken).ConfigureAwait(false);
        using (var table = ToStagingTable(LastPerKey(rows)))
        using (var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction))
        {
            bulkCopy.DestinationTableName = SqlServerSampleSql.StagingTable;
            foreach (DataColumn column in table.Columns)
            {
                bulkCopy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
            }

            await bulkCopy.WriteToServerAsync(table, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, SqlServerSampleSql.MergeStaging, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, SqlServerSampleSql.DropStaging, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqlConnection connection, SqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
