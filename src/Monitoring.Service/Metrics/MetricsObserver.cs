using Monitoring.Core.Model;
using Monitoring.Service.Collection;

namespace Monitoring.Service.Metrics;

/// <summary>Publishes every finished pass to /metrics and to the collector status.</summary>
internal sealed class MetricsObserver : IPassObserver
{
    private readonly PrometheusExporter _exporter;
    private readonly InventoryCatalog _catalog;
    private readonly CollectorStatus _status;

    public MetricsObserver(PrometheusExporter exporter, InventoryCatalog catalog, CollectorStatus status)
    {
        _exporter = exporter;
        _catalog = catalog;
        _status = status;
    }

    public void OnInventory(InventorySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _catalog.Update(snapshot);
        _exporter.PublishInventory(snapshot, _catalog.For(snapshot.Target));
    }

    public void OnRealtime(PerformanceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _exporter.PublishRealtime(batch.Target, _catalog.For(batch.Target), batch.Samples);
    }

    public void OnOutcome(PassOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _status.Record(outcome);
        _exporter.PublishPass(outcome, _status.LastSuccess(outcome.Target, outcome.Kind));
    }
}
