namespace Monitoring.Storage.Exports;

/// <summary>Where each reader of the alert change log keeps its position (see <see cref="Records.ExportPositionRecord"/>).</summary>
public interface IExportPositionStore
{
    /// <summary>The stored position of <paramref name="consumerId"/>; null when it has none yet.</summary>
    Task<long?> GetAsync(string consumerId, CancellationToken cancellationToken);

    /// <summary>Moves the position forward to <paramref name="sequence"/>; a lower one leaves it where it is
    /// (an acknowledgement that arrives late never brings back what a newer one settled).</summary>
    /// <returns>The position now stored.</returns>
    Task<long> AdvanceAsync(string consumerId, long sequence, CancellationToken cancellationToken);
}
