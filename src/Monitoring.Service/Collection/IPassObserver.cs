using Monitoring.Core.Model;

namespace Monitoring.Service.Collection;

/// <summary>Told about every pass as it finishes: the running service publishes metrics and status
/// this way; the one-shot command line has no observer.</summary>
internal interface IPassObserver
{
    void OnInventory(InventorySnapshot snapshot);

    void OnRealtime(PerformanceBatch batch);

    void OnOutcome(PassOutcome outcome);
}
