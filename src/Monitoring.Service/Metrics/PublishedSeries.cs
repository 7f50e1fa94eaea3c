using Prometheus;

namespace Monitoring.Service.Metrics;

/// <summary>The few series an inventory publish sets beside the hosts' and VMs' (clusters, datastores,
/// object counts) for each target, so that the next publish removes what it did not set again: an object
/// that is gone loses its series instead of freezing at its last value. Hosts and VMs, the bulk, keep
/// their series in an <see cref="ObjectSeriesSet"/> instead.</summary>
/// <remarks>Not thread-safe: the exporter calls it under its lock.</remarks>
internal sealed class PublishedSeries
{
    private readonly Dictionary<string, HashSet<(Gauge Gauge, LabelValues Labels)>> _byTarget = new(StringComparer.Ordinal);

    /// <summary>How many series the target's last publish set (to size the next one).</summary>
    public int CountOf(string target) => _byTarget.TryGetValue(target, out var set) ? set.Count : 0;

    /// <summary>Makes <paramref name="now"/> the target's series, removing the ones it lacks.</summary>
    public void Replace(string target, HashSet<(Gauge Gauge, LabelValues Labels)> now)
    {
        if (_byTarget.TryGetValue(target, out var before))
        {
            foreach (var (gauge, labels) in before)
            {
                if (!now.Contains((gauge, labels)))
                {
                    gauge.RemoveLabelled(labels.Values);
                }
            }
        }

        if (now.Count == 0)
        {
            _byTarget.Remove(target);
        }
        else
        {
            _byTarget[target] = now;
        }
    }
}
