using System.Globalization;

namespace Monitoring.Storage.Sql;

/// <summary>SQL Server's sample SQL (T-SQL): <c>MERGE ... WITH (HOLDLOCK)</c> upserts.</summary>
/// <remarks><c>HOLDLOCK</c> (serializable) keeps the key range locked between MERGE's match and its insert,
/// so two writers of the same key cannot both insert and fail on the primary key.</remarks>
internal sealed class SqlServerSampleSql : ISampleSql
{
    /// <summary>The session's staging table that <see cref="SampleWriter"/> bulk-copies a batch into.</summary>
    public const string StagingTable = "#MinuteSampleBatch";

    /// <summary>Creates <see cref="StagingTable"/>, typed like <c>MinuteSamples</c>.</summary>
    /// <remarks>tempdb has the server's collation, not the database's; the identifier columns name the
    /// model's collation so the MERGE compares like with like (no collation conflict) and matches keys the
    /// way the table's own key does. No key here: the writer has already kept one row per key.</remarks>
    public const string CreateStaging = $"""
        CREATE TABLE [{StagingTable}] (
            [ObjectId] nvarchar(400) COLLATE {SqlServerMonitoringDbContext.IdentifierCollation} NOT NULL,
            [Metric] nvarchar(64) COLLATE {SqlServerMonitoringDbContext.IdentifierCollation} NOT NULL,
            [Timestamp] bigint NOT NULL,
            [Average] float NOT NULL,
            [Minimum] float NOT NULL,
            [Maximum] float NOT NULL,
            [Count] int NOT NULL
        );
        """;

    /// <summary>Upserts the whole staged batch into <c>MinuteSamples</c> in one statement.</summary>
    public const string MergeStaging = $"""
        MERGE INTO [MinuteSamples] WITH (HOLDLOCK) AS [t]
        USING [{StagingTable}] AS [s]
            ON [t].[ObjectId] = [s].[ObjectId] AND [t].[Metric] = [s].[Metric] AND [t].[Timestamp] = [s].[Timestamp]
        WHEN MATCHED THEN
            UPDATE SET [Average] = [s].[Average], [Minimum] = [s].[Minimum], [Maximum] = [s].[Maximum], [Count] = [s].[Count]
        WHEN NOT MATCHED BY TARGET THEN
            INSERT ([ObjectId], [Metric], [Timestamp], [Average], [Minimum], [Maximum], [Count])
            VALUES ([s].[ObjectId], [s].[Metric], [s].[Timestamp], [s].[Average], [s].[Minimum], [s].[Maximum], [s].[Count]);
        """;

    /// <summary>Drops <see cref="StagingTable"/> so the pooled session is left clean.</summary>
    public const string DropStaging = $"DROP TABLE [{StagingTable}];";

    /// <summary>Rows deleted per prune statement.</summary>
    /// <remarks>Below SQL Server's lock escalation threshold (5,000 locks), so a prune never takes a table lock
    /// that would stall the minute writer; each batch commits on its own, which keeps the log small.</remarks>
    public int? PruneBatchSize => 4000;

    public string RollUp(string source, string target, long bucketSeconds)
    {
        var bucket = bucketSeconds.ToString(CultureInfo.InvariantCulture);
        return $"""
            MERGE INTO [{target}] WITH (HOLDLOCK) AS [t]
            USING (
                SELECT [ObjectId], [Metric], ([Timestamp] / {bucket}) * {bucket} AS [Timestamp],
                    SUM([Average] * [Count]) / SUM([Count]) AS [Average], MIN([Minimum]) AS [Minimum], MAX([Maximum]) AS [Maximum], SUM([Count]) AS [Count]
                FROM [{source}]
                WHERE [Timestamp] >= @start AND [Timestamp] < @end
                GROUP BY [ObjectId], [Metric], ([Timestamp] / {bucket}) * {bucket}
            ) AS [s]
                ON [t].[ObjectId] = [s].[ObjectId] AND [t].[Metric] = [s].[Metric] AND [t].[Timestamp] = [s].[Timestamp]
            WHEN MATCHED THEN
                UPDATE SET [Average] = [s].[Average], [Minimum] = [s].[Minimum], [Maximum] = [s].[Maximum], [Count] = [s].[Count]
            WHEN NOT MATCHED BY TARGET THEN
                INSERT ([ObjectId], [Metric], [Timestamp], [Average], [Minimum], [Maximum], [Count])
                VALUES ([s].[ObjectId], [s].[Metric], [s].[Timestamp], [s].[Average], [s].[Minimum], [s].[Maximum], [s].[Count]);
            """;
    }

    public string Prune(string table) => $"DELETE TOP (@batch) FROM [{table}] WHERE [Timestamp] < @before;";
}
