namespace Monitoring.HealthModel.Storage;

/// <summary>Every stored change of every alert, in order. The exports (connector feed, webhooks, Alertmanager)
/// read it by sequence, so a change made by any writer (the service, the command line) reaches them.</summary>
/// <remarks>An alert store that keeps a change log writes the entry together with the change itself (one
/// transaction in a database), so no change is stored without its entry.</remarks>
public interface IAlertChangeLog
{
    /// <summary>Entries with a sequence above <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    IReadOnlyList<AlertChange> ReadAfter(long afterSequence, int max);

    /// <summary>The sequence of the newest entry; 0 when the log is empty.</summary>
    long LastSequence { get; }
}
