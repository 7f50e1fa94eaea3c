namespace Monitoring.Storage.Records;

/// <summary>A comment on an alert, in the order written (the alert's history is kept as comments too).</summary>
public sealed class AlertCommentRecord
{
    public long Id { get; set; }

    public long AlertId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }
}
