using Monitoring.Storage.Records;

namespace Monitoring.Reports.Capacity;

/// <summary>Ranks physical Windows servers by how well they would consolidate onto the estate's hosts.</summary>
/// <remarks>
/// The score is 100 x the weighted mean of terms in 0-1, each "1 - load" so that idle and small scores high:
/// average CPU (weight 0.25), peak CPU (0.15), average memory (0.20), peak memory (0.10), memory footprint
/// (0.15: used memory over the average virtualization host's memory) and disk footprint (0.15: used disk over
/// <see cref="CapacityOptions.P2VReferenceDiskBytes"/>). Ratios are clamped to 0-1. A term that cannot be computed
/// is left out and the weights of the others are scaled up; the candidate's note says which.
/// </remarks>
internal sealed class P2VScorer
{
    internal static readonly IReadOnlyList<(string Name, double Weight)> s_weights =
    [
        ("averageCpu", 0.25),
        ("peakCpu", 0.15),
        ("averageMemory", 0.20),
        ("peakMemory", 0.10),
        ("memoryFootprint", 0.15),
        ("diskFootprint", 0.15),
    ];

    private readonly CapacityOptions _options;
    private readonly double? _referenceMemory;

    public P2VScorer(CapacityOptions options, IReadOnlyList<HostRecord> hosts)
    {
        _options = options;

        // The size of the host a candidate would move to: the mean physical memory of the virtualization hosts; with
        // none (an estate of physical servers only) the largest server's memory.
        var virtualization = hosts.Where(CapacityCalculator.IsVirtualizationHost).Select(h => h.MemoryBytes).OfType<long>().ToList();
        var all = hosts.Select(h => h.MemoryBytes).OfType<long>().ToList();
        _referenceMemory = virtualization.Count > 0 ? virtualization.Average() : all.Count > 0 ? all.Max() : null;
    }

    public IReadOnlyList<P2VCandidate> Rank(IReadOnlyList<HostCapacity> servers, IReadOnlyList<HostRecord> records)
    {
        var os = records.ToDictionary(r => r.Id, r => r.Os, StringComparer.Ordinal);
        var scored = servers.Select(s => Score(s, os.GetValueOrDefault(s.Id))).ToList();
        return [.. scored
            .OrderByDescending(c => c.Score).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select((c, i) => c with { Rank = i + 1 })];
    }

    private P2VCandidate Score(HostCapacity server, string? os)
    {
        long? memoryFootprint = server.Memory.Average is { } m && server.MemoryBytes is { } total ? (long)Math.Round(m * total) : null;
        long? diskFootprint = server.Storage?.UsedBytes;
        var loads = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["averageCpu"] = server.Cpu.Average,
            ["peakCpu"] = server.Cpu.Peak,
            ["averageMemory"] = server.Memory.Average,
            ["peakMemory"] = server.Memory.Peak,
            ["memoryFootprint"] = memoryFootprint is { } f && _referenceMemory is > 0 ? f / _referenceMemory : null,
            ["diskFootprint"] = diskFootprint is { } d ? (double)d / _options.P2VReferenceDiskBytes : null,
        };

        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        double weighted = 0, weights = 0;
        foreach (var (name, weight) in s_weights)
        {
            if (loads[name] is { } load)
            {
                var term = 1 - Math.Clamp(load, 0, 1);
                terms[name] = term;
                weighted += weight * term;
                weights += weight;
            }
        }

        var missing = s_weights.Select(w => w.Name).Where(n => !terms.ContainsKey(n)).ToList();
        var note = missing.Count == 0 ? null : $"not scored on: {string.Join(", ", missing)} (no data)";
        var score = weights > 0 ? Math.Round(100 * weighted / weights, 1) : 0;
        return new P2VCandidate(0, server.Id, server.Name, server.Target, os, server.CpuCount, server.MemoryBytes, server.Cpu, server.Memory, memoryFootprint, diskFootprint, score, terms, note);
    }
}
