using System.Xml.Linq;
using Monitoring.Core.Collection;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Performance;

/// <summary>The realtime counters as this server numbers them: counter ids differ between servers and
/// versions, so they are looked up by name in <c>PerformanceManager.perfCounter</c>, once per session.</summary>
internal sealed class CounterCatalog
{
    /// <summary>The property read: <c>QueryPerfCounter</c> would do too, but it crashes the simulator, and
    /// one property read is one round trip either way.</summary>
    public static readonly PropertySpec PerfCounterProperty = new("PerformanceManager", ["perfCounter"]);

    private readonly Dictionary<int, RealtimeCounter> _byId;

    private CounterCatalog(Dictionary<int, RealtimeCounter> byId, IReadOnlyList<string> unavailable, int size)
    {
        _byId = byId;
        Unavailable = unavailable;
        Size = size;
    }

    /// <summary>The ids to ask <c>QueryPerf</c> for, in a stable order.</summary>
    public IReadOnlyList<int> Ids => [.. _byId.Keys.Order()];

    /// <summary>Wanted counters the server lacks, or reports in an unexpected unit (so their values
    /// could not be converted); named for the operator.</summary>
    public IReadOnlyList<string> Unavailable { get; }

    /// <summary>How many counters the server's catalog holds.</summary>
    public int Size { get; }

    /// <summary>The counter a series' id stands for, or null for one we did not ask for.</summary>
    public RealtimeCounter? Find(int counterId) => _byId.GetValueOrDefault(counterId);

    /// <summary>Reads the server's catalog and maps <paramref name="wanted"/> to its ids.</summary>
    /// <exception cref="SessionExpiredException">The catalog came back NotAuthenticated.</exception>
    /// <exception cref="TargetFailureException">The server has no performance manager, or its catalog cannot be read.</exception>
    public static async Task<CounterCatalog> ReadAsync(VimSession session, IReadOnlyList<RealtimeCounter> wanted, CancellationToken cancellationToken)
    {
        var perfManager = session.Content.PerfManager
            ?? throw new TargetFailureException(FailureKind.Protocol, "the endpoint's service content names no performance manager, so it has no performance counters");
        var reply = await session.RetrieveObjectAsync(perfManager, PerfCounterProperty, cancellationToken).ConfigureAwait(false);
        if (reply is null || !MissingProperties.Check(reply) || !reply.Properties.TryGetValue("perfCounter", out var perfCounter))
        {
            throw new TargetFailureException(FailureKind.Protocol, $"the server returned no counter catalog (perfCounter of {perfManager})");
        }

        return Parse(perfCounter.Element, wanted);
    }

    /// <summary>Maps <paramref name="wanted"/> to ids from a <c>perfCounter</c> value (<c>ArrayOfPerfCounterInfo</c>).</summary>
    public static CounterCatalog Parse(XElement perfCounter, IReadOnlyList<RealtimeCounter> wanted)
    {
        var byName = new Dictionary<string, (int Key, string? Unit)>(StringComparer.Ordinal);
        var size = 0;
        foreach (var info in perfCounter.Elements())
        {
            size++;
            var key = VimXml.AsInt(VimXml.Child(info, "key"));
            var group = KeyOf(info, "groupInfo");
            var name = KeyOf(info, "nameInfo");
            var rollup = VimXml.ChildText(info, "rollupType");
            if (key is null || group is null || name is null || rollup is null)
            {
                continue;
            }

            // A name is unique on real servers; should one repeat, the first keeps its place.
            byName.TryAdd($"{group}.{name}.{rollup}", (key.Value, KeyOf(info, "unitInfo")));
        }

        var byId = new Dictionary<int, RealtimeCounter>();
        var unavailable = new List<string>();
        foreach (var counter in wanted)
        {
            if (!byName.TryGetValue(counter.Name, out var found))
            {
                unavailable.Add($"{counter.Name} (not in the catalog)");
            }
            else if (found.Unit != counter.Unit)
            {
                unavailable.Add($"{counter.Name} (unit {found.Unit ?? "absent"}, expected {counter.Unit})");
            }
            else
            {
                byId[found.Key] = counter;
            }
        }

        return new CounterCatalog(byId, unavailable, size);
    }

    private static string? KeyOf(XElement info, string description) =>
        VimXml.Child(info, description) is { } element ? VimXml.ChildText(element, "key") : null;
}
