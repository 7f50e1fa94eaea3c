using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>The fast path for performance data: minute aggregates written in one transaction with one
/// prepared statement, bypassing change tracking (tens of thousands of rows a minute at scale).</summary>
/// <remarks>Writes are upserts keyed by object, metric and minute, so a batch retried after an outage
/// never duplicates a row.</remarks>
public sealed class SampleWriter
{
    private const string Upsert =
        "INSERT INTO \"MinuteSamples\" (\"ObjectId\", \"Metric\", \"Timestamp\", \"Average\", \"Minimum\", \"Maximum\", \"Count\") " +
        "VALUES ($o, $m, $t, $avg, $min, $max, $n) " +
        "ON CONFLICT (\"ObjectId\", \"Metric\", \"Timestamp\") DO UPDATE SET " +
        "\"Average\" = excluded.\"Average\", \"Minimum\" = excluded.\"Minimum\", \"Maximum\" = excluded.\"Maximum\", \"Count\" = excluded.\"Count\"";

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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        var objectId = Add(command, "$o");
        var metric = Add(command, "$m");
        var timestamp = Add(command, "$t");
        var average = Add(command, "$avg");
        var minimum = Add(command, "$min");
        var maximum = Add(command, "$max");
        var count = Add(command, "$n");
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            objectId.Value = row.ObjectId;
            metric.Value = row.Metric;
            timestamp.Value = row.Timestamp;
            average.Value = row.Average;
            minimum.Value = row.Minimum;
            maximum.Value = row.Maximum;
            count.Value = row.Count;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
