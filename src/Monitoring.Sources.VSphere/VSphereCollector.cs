using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;
using Monitoring.Sources.VSphere.Inventory;

namespace Monitoring.Sources.VSphere;

/// <summary>Collects the inventory of a vCenter or a standalone ESX host.</summary>
/// <remarks>Every pass runs on the target's shared session from the <see cref="VSphereSessionPool"/>.
/// The test constructor has no pool: each pass there has a session of its own (login, read, logout).</remarks>
public sealed class VSphereCollector : IInventoryCollector
{
    private readonly ILogger<VSphereCollector> _logger;
    private readonly TimeProvider _time;
    private readonly VSphereSessionPool? _pool;
    private readonly Func<TargetDefinition, CertificatePolicy, HttpMessageHandler> _handlerFactory;

    /// <summary>A collector that reads over the shared sessions of <paramref name="pool"/>.</summary>
    public VSphereCollector(VSphereSessionPool pool, ILogger<VSphereCollector> logger, TimeProvider time)
        : this(logger, time, VSphereSessionPool.DefaultHandler)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
    }

    /// <summary>Lets tests hand in a transport that replays captured replies; each pass has a session of its own.</summary>
    internal VSphereCollector(ILogger<VSphereCollector> logger, TimeProvider time, Func<TargetDefinition, CertificatePolicy, HttpMessageHandler> handlerFactory)
    {
        _logger = logger;
        _time = time;
        _handlerFactory = handlerFactory;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.VSphere;

    /// <inheritdoc/>
    public async Task<InventorySnapshot> CollectInventoryAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_pool is not null)
        {
            return await _pool.UseAsync(target, ReadAsync, cancellationToken).ConfigureAwait(false);
        }

        // A pool of one pass: the same login, renewal and fault translation, then a logout at the end.
        await using var pool = new VSphereSessionPool(_logger, null, _handlerFactory);
        return await pool.UseAsync(target, ReadAsync, cancellationToken).ConfigureAwait(false);

        async Task<InventorySnapshot> ReadAsync(VimSession session, CancellationToken ct)
        {
            var snapshot = await new VSphereInventoryReader(session, target.Name).ReadAsync(_time.GetUtcNow(), ct).ConfigureAwait(false);
            VSphereLog.InventoryRead(_logger, target.Name, snapshot.Hosts.Count, snapshot.Vms.Count, snapshot.Clusters.Count, snapshot.Datastores.Count);
            return snapshot;
        }
    }
}
