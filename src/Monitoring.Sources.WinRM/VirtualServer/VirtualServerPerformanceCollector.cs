using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;

namespace Monitoring.Sources.WinRM.VirtualServer;

/// <summary>Reads a Virtual Server 2005 R2 host's realtime load (CPU, memory, disk, network of the Windows host).
/// Per-VM load is not read: the provider's counters for it could not be checked against a published definition.</summary>
public sealed class VirtualServerPerformanceCollector : IPerformanceCollector
{
    private readonly WinRMSessionPool _pool;
    private readonly ILogger<VirtualServerPerformanceCollector> _logger;
    private readonly TimeProvider _time;

    public VirtualServerPerformanceCollector(WinRMSessionPool pool, ILogger<VirtualServerPerformanceCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.VirtualServer;

    /// <inheritdoc/>
    public async Task<PerformanceBatch> CollectRealtimeAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var samples = new List<PerformanceSample>(6);
        await HostPerformanceReader.ReadAsync(_pool.SessionFor(target), hypervisorCpu: false, _time.GetUtcNow(), samples, cancellationToken).ConfigureAwait(false);
        WinRMLog.RealtimeRead(_logger, target.Name, samples.Count, 1);
        return new PerformanceBatch(target.Name, _time.GetUtcNow(), samples, 1);
    }
}
