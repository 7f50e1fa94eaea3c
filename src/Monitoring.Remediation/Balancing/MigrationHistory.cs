namespace Monitoring.Remediation.Balancing;

/// <summary>Which hosts each VM has left recently: the balancer never moves a VM back to one of them,
/// so a static load never makes a VM bounce (DRS and VMM avoid the same ping-pong).</summary>
public sealed class MigrationHistory
{
    private readonly Dictionary<string, Dictionary<string, DateTimeOffset>> _left = new(StringComparer.Ordinal);

    public static MigrationHistory Empty => new();

    /// <summary>Records that <paramref name="vmId"/> left <paramref name="hostId"/> at <paramref name="at"/>.</summary>
    public void RecordDeparture(string vmId, string hostId, DateTimeOffset at)
    {
        if (!_left.TryGetValue(vmId, out var hosts))
        {
            hosts = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            _left[vmId] = hosts;
        }

        hosts[hostId] = at;
    }

    /// <summary>True when the VM left that host (at any time this history holds).</summary>
    public bool HasLeft(string vmId, string hostId) =>
        _left.TryGetValue(vmId, out var hosts) && hosts.ContainsKey(hostId);

    /// <summary>The hosts the VM has left, as far as this history holds.</summary>
    public IEnumerable<string> HostsLeft(string vmId) =>
        _left.TryGetValue(vmId, out var hosts) ? hosts.Keys : [];

    /// <summary>Forgets departures older than <paramref name="cutoff"/>.</summary>
    public void ForgetBefore(DateTimeOffset cutoff)
    {
        foreach (var hosts in _left.Values)
        {
            foreach (var host in hosts.Where(h => h.Value < cutoff).Select(h => h.Key).ToList())
            {
                hosts.Remove(host);
            }
        }
    }
}
