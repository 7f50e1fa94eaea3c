using System.Text.Json;
using Monitoring.HealthModel.Model;
using Monitoring.Service.Exports;
using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary><c>virt_object_in_maintenance</c>: one series, value 1, per object of the health tree that is in a
/// maintenance window now (its own, or one on anything above it: its host, cluster, host group, target, the estate).</summary>
/// <remarks>An object that leaves maintenance loses its series rather than showing 0, so the metric stays as small as
/// the windows are and <c>count(virt_object_in_maintenance)</c> counts the objects in maintenance.</remarks>
internal sealed class MaintenanceMetrics
{
    private readonly Gauge _inMaintenance;
    private readonly Lock _lock = new();
    private HashSet<(string Target, string Id, string Kind)> _published = [];

    public MaintenanceMetrics(MetricFamilies factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _inMaintenance = factory.Gauge("virt_object_in_maintenance", "1 for each object of the health tree in a maintenance window now (its own or one above it).", "target", "id", "kind");
    }

    /// <summary>Replaces the published set with <paramref name="objects"/> (those in maintenance now).</summary>
    public void Publish(IEnumerable<HealthObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var now = objects.Select(o => (AlertTargets.Of(o.Id), o.Id, KindOf(o.Kind))).ToHashSet();
        lock (_lock)
        {
            foreach (var gone in _published.Where(p => !now.Contains(p)))
            {
                _inMaintenance.RemoveLabelled(gone.Target, gone.Id, gone.Kind);
            }

            foreach (var (target, id, kind) in now)
            {
                _inMaintenance.WithLabels(target, id, kind).Set(1);
            }

            _published = now;
        }
    }

    /// <summary>The API's word for a kind (<c>GET /api/v1/health?kind=</c>): <c>estate</c>, <c>hostGroup</c>, <c>vm</c>, ...</summary>
    private static string KindOf(HealthObjectKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
