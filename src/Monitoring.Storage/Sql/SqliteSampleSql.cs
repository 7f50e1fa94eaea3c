using System.Globalization;

namespace Monitoring.Storage.Sql;

/// <summary>SQLite's sample SQL: <c>INSERT ... ON CONFLICT DO UPDATE</c> upserts.</summary>
internal sealed class SqliteSampleSql : ISampleSql
{
    /// <summary>One minute sample, upserted; <see cref="SampleWriter"/> prepares it once and runs it per row
    /// (SQLite has no bulk load, and prepared statements in one transaction are its fast path).</summary>
    public const string UpsertMinuteSample =
        "INSERT INTO \"MinuteSamples\" (\"ObjectId\", \"Metric\", \"Timestamp\", \"Average\", \"Minimum\", \"Maximum\", \"Count\") " +
        "VALUES ($o, $m, $t, $avg, $min, $max, $n) " +
        "ON CONFLICT (\"ObjectId\", \"Metric\", \"Timestamp\") DO UPDATE SET " +
        "\"Average\" = excluded.\"Average\", \"Minimum\" = excluded.\"Minimum\", \"Maximum\" = excluded.\"Maximum\", \"Count\" = excluded.\"Count\"";

    /// <summary>SQLite deletes in one statement: it has no lock escalation and one writer at a time anyway.</summary>
    public int? PruneBatchSize => null;

    public string RollUp(string source, string target, long bucketSeconds)
    {
        var bucket = bucketSeconds.ToString(CultureInfo.InvariantCulture);
        return
            $"INSERT INTO \"{target}\" (\"ObjectId\", \"Metric\", \"Timestamp\", \"Average\", \"Minimum\", \"Maximum\", \"Count\") " +
            $"SELECT \"ObjectId\", \"Metric\", (\"Timestamp\" / {bucket}) * {bucket}, SUM(\"Average\" * \"Count\") / SUM(\"Count\"), MIN(\"Minimum\"), MAX(\"Maximum\"), SUM(\"Count\") " +
            $"FROM \"{source}\" WHERE \"Timestamp\" >= @start AND \"Timestamp\" < @end " +
            $"GROUP BY \"ObjectId\", \"Metric\", (\"Timestamp\" / {bucket}) * {bucket} " +
            "ON CONFLICT (\"ObjectId\", \"Metric\", \"Timestamp\") DO UPDATE SET " +
            "\"Average\" = excluded.\"Average\", \"Minimum\" = excluded.\"Minimum\", \"Maximum\" = excluded.\"Maximum\", \"Count\" = excluded.\"Count\"";
    }

    public string Prune(string table) => $"DELETE FROM \"{table}\" WHERE \"Timestamp\" < @before";
}
