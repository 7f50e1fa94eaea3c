namespace Monitoring.Storage.Records;

/// <summary>An aggregate of one metric of one object over one bucket (a minute, an hour or a day).</summary>
/// <remarks>Time is Unix seconds of the bucket's start: plain integers bucket and compare the same way
/// in SQLite and SQL Server, and the rollups are integer arithmetic.</remarks>
public abstract class SampleAggregate
{
    public required string ObjectId { get; set; }

    public required string Metric { get; set; }

    /// <summary>Start of the bucket, Unix seconds (UTC).</summary>
    public long Timestamp { get; set; }

    public double Average { get; set; }

    public double Minimum { get; set; }

    public double Maximum { get; set; }

    /// <summary>Realtime samples behind the aggregate; weights it when rolling up.</summary>
    public int Count { get; set; }
}
