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
/// <see cref="QueryPerfInFlight"/> calls at a time. Clusters and datastores have no realtime statistics
/// (only 300-second rollups), so they are not asked about.
/// </remarks>
public sealed class VSpherePerformanceCollector : IPerformanceCollector
{
    /// <summary><c>QueryPerf</c> calls of one pass in flight at once. The server works on the next batches
    /// while we read one, which hides most of our reading; a few only, so a vCenter that serves other
    /// clients too is not flooded.</summary>
    public const int QueryPerfInFlight = 4;

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
        List<PerformanceSample> samples = [];
        var queries = 0;
        if (entities.Count > 0)
        {
            var catalog = await CatalogAsync(session, target, cancellationToken).ConfigureAwait(false);

            // The configuration validates MaxQueryObjects; the floor only keeps a bad value from looping forever.
            var batches = entities.Chunk(Math.Max(1, target.MaxQueryObjects)).ToArray();
            var results = await QueryAsync(session, batches, catalog, target.Name, cancellationToken).ConfigureAwait(false);
            samples = new List<PerformanceSample>(results.Sum(r => r.Count));
            foreach (var batch in results)
            {
                samples.AddRange(batch);
            }

            queries = batches.Length;
        }

        VSphereLog.RealtimeRead(_logger, target.Name, samples.Count, entities.Count, queries);
        return new PerformanceBatch(target.Name, _time.GetUtcNow(), samples, entities.Count);
    }

    /// <summary>One <c>QueryPerf</c> per batch, up to <see cref="QueryPerfInFlight"/> at once, sent in order;
    /// the samples of each batch, in batch order (so the result is the same as one call after another).</summary>
    private static async Task<List<PerformanceSample>[]> QueryAsync(VimSession session, ManagedObjectReference[][] batches, CounterCatalog catalog, string target, CancellationToken cancellationToken)
    {
        var ids = catalog.Ids;
        var results = new List<PerformanceSample>[batches.Length];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<Task>();
        try
        {
            for (var i = 0; i < batches.Length; i++)
            {
                if (inFlight.Count == QueryPerfInFlight)
                {
                    await inFlight.Dequeue().ConfigureAwait(false);
                }

                // Room for every value asked for, so the list never grows while replies are read.
                var samples = results[i] = new List<PerformanceSample>(batches[i].Length * ids.Count * RealtimeCounters.MaxSample);
                inFlight.Enqueue(session.QueryPerfAsync(
                    batches[i],
                    ids,
                    RealtimeCounters.MaxSample,
                    RealtimeCounters.IntervalSeconds,
                    metric => RealtimeSamples.Add(metric, catalog, target, samples),
                    stop.Token));
            }

            while (inFlight.Count > 0)
            {
                await inFlight.Dequeue().ConfigureAwait(false);
            }
        }
        catch
        {
            // The first failure in batch order fails the pass, as it would one call after another. The
            // batches still running are stopped and waited for, so none outlives the pass on the session.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(inFlight).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        return results;
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
