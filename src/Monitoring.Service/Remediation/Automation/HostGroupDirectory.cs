using Monitoring.Storage;

namespace Monitoring.Service.Remediation.Automation;

/// <summary>The host group (cluster) of an inventory object and a cluster's name, from the stored inventory, read
/// again at most once a minute: automatic mode finds a tip's host-group setting by cluster id or name, and an
/// alert-driven tip gets the host group of its target.</summary>
internal sealed class HostGroupDirectory
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMinutes(1);

    private readonly InventoryReader _inventory;
    private readonly TimeProvider _time;
    private int _reading;
    private volatile Snapshot _snapshot = new(new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), DateTimeOffset.MinValue);

    public HostGroupDirectory(InventoryReader inventory, TimeProvider time)
    {
        _inventory = inventory;
        _time = time;
    }

    /// <summary>Reads the inventory again when the last read is older than a minute; a failed read keeps the last one.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // One read at a time; a caller that finds a read under way uses the last snapshot.
        if (_time.GetUtcNow() - _snapshot.ReadAt < s_refresh || Interlocked.Exchange(ref _reading, 1) == 1)
        {
            return;
        }

        try
        {
            var stored = await _inventory.ReadAsync(includeGone: false, cancellationToken).ConfigureAwait(false);
            var clusterOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var cluster in stored.Clusters)
            {
                clusterOf[cluster.Id] = cluster.Id;
            }

            foreach (var host in stored.Hosts.Where(h => h.ClusterId is not null))
            {
                clusterOf[host.Id] = host.ClusterId!;
            }

            foreach (var vm in stored.Vms)
            {
                if (vm.HostId is not null && clusterOf.TryGetValue(vm.HostId, out var cluster))
                {
                    clusterOf[vm.Id] = cluster;
                }
            }

            _snapshot = new Snapshot(clusterOf, stored.Clusters.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal), _time.GetUtcNow());
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }

    /// <summary>The cluster a host or VM belongs to (a cluster is its own), or null.</summary>
    public string? HostGroupOf(string objectId) => _snapshot.ClusterOf.GetValueOrDefault(objectId);

    /// <summary>A cluster's name, or null when unknown.</summary>
    public string? NameOf(string? clusterId) => clusterId is null ? null : _snapshot.Names.GetValueOrDefault(clusterId);

    private sealed record Snapshot(Dictionary<string, string> ClusterOf, Dictionary<string, string> Names, DateTimeOffset ReadAt);
}
