using Monitoring.Remediation.Balancing;

namespace Monitoring.Service.Remediation;

/// <summary>What the balancer reads for one pass: the clusters, and names for ids (tip texts, whatif).</summary>
internal sealed record BalancerInput(IReadOnlyList<BalancerCluster> Clusters, IReadOnlyDictionary<string, string> Names)
{
    public string NameOf(string id) => Names.TryGetValue(id, out var name) ? name : id;
}
