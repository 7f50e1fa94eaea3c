using Monitoring.Core.Model;

namespace Monitoring.Service.Collection;

/// <summary>Records each inventory pass's datastore and volume sizes (<see cref="StorageSamples"/>) through the
/// sample buffer, so they reach the minute table with the realtime samples and share their rollups and retention.</summary>
/// <remarks>An observer of the running service only: the one-shot verbs have no observers and no flusher, so, like
/// realtime samples, storage history comes from <c>run</c>.</remarks>
internal sealed class StorageSampleObserver : IPassObserver
{
    private readonly SampleBuffer _buffer;

    public StorageSampleObserver(SampleBuffer buffer) => _buffer = buffer;

    public void OnInventory(InventorySnapshot snapshot)
    {
        var rows = StorageSamples.From(snapshot);
        if (rows.Count > 0)
        {
            _buffer.Add(rows);
        }
    }

    public void OnRealtime(PerformanceBatch batch)
    {
    }

    public void OnOutcome(PassOutcome outcome)
    {
    }
}
