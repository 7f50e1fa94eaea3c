using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Sources.VSphere.Performance;

namespace Monitoring.Sources.VSphere;

/// <summary>Reads realtime (20-second) performance of every connected host and powered-on VM of a
/// vCenter or a standalone ESX host.</summary>
/// <remarks>
/// A pass: list hosts and VMs with one container view, look up the counter ids (once per session),
/// then <c>QueryPerf</c> for at most <see cref="TargetDefinition.MaxQueryObjects"/> entities per call,
/// reading each reply as a stream. Clusters and datastores have no realtime statistics (only 300-second
/// rollups), so they are not asked about.
/// </remarks>
public sealed class VSpherePerformanceCollector : IPerformanceCollector
{
    private readonly VSphereSessionPool _pool;
    private readonly ILogger<VSpherePerformanceCollector> _logger;
    private readonly TimeProvider _time;

    // Keyed by the session object, so a replaced session (new settings, maybe a new server) reads the
    // catalog again, and a dropped one takes its entry with it. A renewed login keeps the same session
    // object and server, so its catalog stays valid.
    private readonly ConditionalWeakTable<VimSession, CounterCatalog> _catalogs = [];

    public VSpherePerformanceCollector(VSphereSessionPool pool, ILogger<VSpherePerformanceCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.VSphere;

    /// <inheritdoc/>
    public Task<PerformanceBatch> CollectRealtimeAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return _pool.UseAsync(target, (session, ct) => ReadAsync(session, target, ct), cancellationToken);
    }

    private async Task<PerformanceBatch> ReadAsync(VimSession session, TargetDefinition target, CancellationToken cancellationToken)
    {
        var entities = await RealtimeEntities.ReadAsync(session, cancellationToken).ConfigureAwait(false);
        var samples = new List<PerformanceSample>();
        var queries = 0;
        if (entities.Count > 0)
        {
            var catalog = await CatalogAsync(session, target, cancellationToken).ConfigureAwait(false);
            var ids = catalog.Ids;

            // The configuration validates MaxQueryObjects; the floor only keeps a bad value from looping forever.
            foreach (var batch in entities.Chunk(Math.Max(1, target.MaxQueryObjects)))
            {
                await session.QueryPerfAsync(
                    batch,
                    ids,
                    RealtimeCounters.MaxSample,
                    RealtimeCounters.IntervalSeconds,
                    metric => RealtimeSamples.Add(metric, catalog, target.Name, samples),
                    cancellationToken).ConfigureAwait(false);
                queries++;
            }
        }

        VSphereLog.RealtimeRead(_logger, target.Name, samples.Count, entities.Count, queries);
        return new PerformanceBatch(target.Name, _time.GetUtcNow(), samples, entities.Count);
    }

    private async Task<CounterCatalog> CatalogAsync(VimSession session, TargetDefinition target, CancellationToken cancellationToken)
    {
        if (_catalogs.TryGetValue(session, out var cached))
        {
            return cached;
        }

        // Two jobs of one target may both get here; both read the same catalog, and either copy is right.
        var catalog = await CounterCatalog.ReadAsync(session, RealtimeCounters.All, cancellationToken).ConfigureAwait(false);
        VSphereLog.CounterCatalogRead(_logger, target.Name, catalog.Size);
        if (catalog.Unavailable.Count > 0)
        {
            VSphereLog.CountersUnavailable(_logger, target.Name, string.Join(", ", catalog.Unavailable));
        }

        if (catalog.Ids.Count == 0)
        {
            throw new TargetFailureException(
                FailureKind.Protocol,
                $"the server's counter catalog ({catalog.Size} counters) has none of the realtime counters we read: {string.Join(", ", catalog.Unavailable)}");
        }

        _catalogs.AddOrUpdate(session, catalog);
        return catalog;
    }
}
