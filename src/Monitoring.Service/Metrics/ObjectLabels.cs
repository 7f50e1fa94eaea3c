using Monitoring.Core.Model;
using Monitoring.Service.Output;

namespace Monitoring.Service.Metrics;

/// <summary>How a host or VM is labelled on /metrics: its name, its cluster (empty for a standalone host
/// and its VMs) and its hypervisor (a VM's is its host's).</summary>
internal sealed record ObjectLabels(bool IsVm, string Name, string Cluster, string Hypervisor)
{
    /// <summary>Labels every host and VM of one target from its inventory.</summary>
    public static Dictionary<string, ObjectLabels> For(
        IEnumerable<(string Id, string Name)> clusters,
        IEnumerable<(string Id, string Name, string? ClusterId, HypervisorKind Hypervisor)> hosts,
        IEnumerable<(string Id, string Name, string? HostId)> vms)
    {
        var clusterNames = clusters.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var labels = new Dictionary<string, ObjectLabels>(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            var cluster = host.ClusterId is { } id && clusterNames.TryGetValue(id, out var name) ? name : string.Empty;
            labels[host.Id] = new ObjectLabels(false, host.Name, cluster, ContractNames.Of(host.Hypervisor));
        }

        foreach (var vm in vms)
        {
            var host = vm.HostId is { } id && labels.TryGetValue(id, out var h) ? h : null;
            labels[vm.Id] = new ObjectLabels(true, vm.Name, host?.Cluster ?? string.Empty, host?.Hypervisor ?? string.Empty);
        }

        return labels;
    }
}
