namespace Monitoring.Storage.Records;

/// <summary>How far one reader of the alert change log has got: a connector's acknowledged bookmark, a webhook's
/// delivered position, Alertmanager's pushed position. Kept in the database so a restart loses and repeats nothing.</summary>
public sealed class ExportPositionRecord
{
    /// <summary>Who reads: <c>feed:NAME</c>, <c>webhook:NAME</c> or <c>alertmanager</c>.</summary>
    public required string ConsumerId { get; set; }

    /// <summary>The last change-log sequence this reader is done with (acknowledged, delivered, pushed).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
