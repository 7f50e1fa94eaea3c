using System.Text.Json.Serialization;

namespace Monitoring.Reports.Capacity;

/// <summary>The capacity report: what the CLI, the API and every output format show.</summary>
/// <param name="GeneratedAt">When it was computed (the end of the window).</param>
/// <param name="From">Start of the window.</param>
/// <param name="Days">Length of the window, days.</param>
/// <param name="Resolution">The table the usage figures come from: <c>hour</c>, <c>day</c>, or <c>minute</c> when
/// the service is too young to have a day of hourly rollups.</param>
/// <param name="Percentile">The percentile definition used, in words.</param>
/// <param name="ReserveHosts">Hosts held back per cluster (N+k).</param>
/// <param name="TargetRatio">The share of capacity that counts as full.</param>
/// <param name="Scopes">Clusters and groups of standalone hosts.</param>
/// <param name="Hosts">Every host, physical Windows servers included.</param>
/// <param name="P2VCandidates">Physical Windows servers, best candidate first.</param>
public sealed record CapacityReport(
    DateTimeOffset GeneratedAt,
    DateTimeOffset From,
    int Days,
    string Resolution,
    string Percentile,
    int ReserveHosts,
    double TargetRatio,
    IReadOnlyList<ScopeCapacity> Scopes,
    IReadOnlyList<HostCapacity> Hosts,
    [property: JsonPropertyName("p2vCandidates")] IReadOnlyList<P2VCandidate> P2VCandidates);
