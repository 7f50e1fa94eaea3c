namespace Monitoring.Storage.Records;

/// <summary>One entry of the alert change log: the alert as it stood right after a change, as JSON.</summary>
/// <remarks>A copy rather than a reference to the alert row: a reader far behind still sees each change as it
/// was made, not the alert's latest state repeated.</remarks>
public sealed class AlertChangeRecord
{
    /// <summary>The position in the log (an identity column): a reader's bookmark.</summary>
    public long Sequence { get; set; }

    public long AlertId { get; set; }

    public bool IsNew { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The alert after the change (System.Text.Json of <c>Alert</c>).</summary>
    public required string Document { get; set; }
}
