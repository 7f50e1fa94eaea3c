namespace Monitoring.Storage.Sql;

/// <summary>The raw SQL one provider runs for performance samples.</summary>
/// <remarks>Raw SQL because these statements move many rows at once (an upsert from a grouped select, a
/// delete by age) that EF would otherwise load and track row by row. Each provider's text lives in its own
/// small class so tests can parse it without a server. Statements take named parameters: <c>@start</c> and
/// <c>@end</c> for a rollup, <c>@before</c> (and <c>@batch</c> when batched) for a prune.</remarks>
internal interface ISampleSql
{
    /// <summary>Rows one prune statement deletes at most, or null when one statement deletes them all.</summary>
    int? PruneBatchSize { get; }

    /// <summary>Recomputes the buckets of <paramref name="target"/> from the rows of <paramref name="source"/>
    /// with <c>@start &lt;= Timestamp &lt; @end</c>: count-weighted average, minimum, maximum and count per
    /// object, metric and bucket, inserted or overwritten (an upsert, so a rerun changes nothing). Weighting
    /// by count keeps a bucket with a gap from being skewed.</summary>
    /// <param name="source">The finer table; one of our own table names, never input.</param>
    /// <param name="target">The coarser table; one of our own table names, never input.</param>
    /// <param name="bucketSeconds">The coarser table's bucket: 3600 or 86400.</param>
    string RollUp(string source, string target, long bucketSeconds);

    /// <summary>Deletes rows of <paramref name="table"/> with <c>Timestamp &lt; @before</c>, at most
    /// <c>@batch</c> of them when <see cref="PruneBatchSize"/> is set.</summary>
    /// <param name="table">One of our own table names, never input.</param>
    string Prune(string table);
}
