namespace Monitoring.Reports.Capacity;

/// <summary>A physical Windows server ranked by how well it would consolidate as a VM.</summary>
/// <param name="Rank">1 is the best candidate.</param>
/// <param name="Id">Inventory id.</param>
/// <param name="Name">Computer name.</param>
/// <param name="Target">The config name of its target.</param>
/// <param name="Os">Operating system, when known.</param>
/// <param name="CpuCount">Logical processors.</param>
/// <param name="MemoryBytes">Physical memory.</param>
/// <param name="Cpu">CPU use (average and peak feed the score).</param>
/// <param name="Memory">Memory use (average and peak feed the score).</param>
/// <param name="MemoryFootprintBytes">Memory it really uses: average memory ratio x physical memory.</param>
/// <param name="DiskFootprintBytes">Used space of its fixed volumes.</param>
/// <param name="Score">0-100; higher consolidates better (docs/capacity.md, "P2V score").</param>
/// <param name="Terms">Each term of the score that could be computed, 0-1 before weighting.</param>
/// <param name="Note">What was missing, when a term could not be computed.</param>
public sealed record P2VCandidate(
    int Rank,
    string Id,
    string Name,
    string Target,
    string? Os,
    int? CpuCount,
    long? MemoryBytes,
    ResourceUse Cpu,
    ResourceUse Memory,
    long? MemoryFootprintBytes,
    long? DiskFootprintBytes,
    double Score,
    IReadOnlyDictionary<string, double> Terms,
    string? Note);
