namespace Monitoring.Core.Model;

/// <summary>The samples one realtime pass read from one target.</summary>
/// <param name="Target">The target's config name.</param>
/// <param name="CollectedAt">When the pass finished.</param>
/// <param name="Samples">Realtime samples (20 s on vSphere), in base units.</param>
/// <param name="Objects">How many hosts and VMs the pass asked about.</param>
public sealed record PerformanceBatch(string Target, DateTimeOffset CollectedAt, IReadOnlyList<PerformanceSample> Samples, int Objects);
