namespace Monitoring.Storage.Records;

/// <summary>One transition of a tip: when, to what status, who or what did it, and why.</summary>
public sealed class TipHistoryRecord
{
    public long Id { get; set; }

    public required string TipId { get; set; }

    /// <summary>The transition's place in the tip's history, from 0: a writer appends only past the rows stored.</summary>
    public int Position { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Status { get; set; }

    public required string By { get; set; }

    public string? Note { get; set; }
}
