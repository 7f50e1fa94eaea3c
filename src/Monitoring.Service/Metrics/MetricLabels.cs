namespace Monitoring.Service.Metrics;

/// <summary>The label names every host and VM series carries, and their values for one object.</summary>
/// <remarks>Bounded on purpose: the object's identity (target, id, name) plus cluster and hypervisor,
/// which per-cluster rollups group by. Anything else about an object lives on its <c>_info</c> series.</remarks>
internal static class MetricLabels
{
    public static IReadOnlyList<string> Host { get; } = ["target", "id", "host", "cluster", "hypervisor"];

    public static IReadOnlyList<string> Vm { get; } = ["target", "id", "vm", "cluster", "hypervisor"];

    public static string[] Values(string target, string id, ObjectLabels labels) =>
        [target, id, labels.Name, labels.Cluster, labels.Hypervisor];
}
