using Monitoring.Storage.Sql;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>SQLite's sample SQL with a prune batched like SQL Server's, counting the prune statements built.</summary>
internal sealed class BatchedSqliteSampleSql : ISampleSql
{
    private readonly SqliteSampleSql _sqlite = new();
    private readonly Dictionary<string, int> _prunes = new(StringComparer.Ordinal);

    public BatchedSqliteSampleSql(int batch) => PruneBatchSize = batch;

    public int? PruneBatchSize { get; }

    public int PrunesOf(string table) => _prunes.GetValueOrDefault(table);

    public string RollUp(string source, string target, long bucketSeconds) => _sqlite.RollUp(source, target, bucketSeconds);

    public string Prune(string table)
    {
        _prunes[table] = PrunesOf(table) + 1;
        return $"DELETE FROM \"{table}\" WHERE rowid IN (SELECT rowid FROM \"{table}\" WHERE \"Timestamp\" < @before LIMIT @batch)";
    }
}
