using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;

namespace Monitoring.Sources.WinRM.VirtualServer;

/// <summary>Reads a Virtual Server 2005 R2 host's realtime load: that of its Windows host (CPU, memory, disk,
/// network), read the way the Windows collector reads it. Per-VM load is not read: the provider's counters
/// for it could not be checked against a published definition (docs/sources/virtualserver.md).</summary>
public sealed class VirtualServerPerformanceCollector : IPerformanceCollector
{
    private readonly WindowsPerformanceCollector _host;

    public VirtualServerPerformanceCollector(WinRMSessionPool pool, ILogger<WindowsPerformanceCollector> logger, TimeProvider time) =>
        _host = new WindowsPerformanceCollector(pool, logger, time);

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.VirtualServer;

    /// <inheritdoc/>
    public Task<PerformanceBatch> CollectRealtimeAsync(TargetDefinition target, CancellationToken cancellationToken) =>
        _host.CollectRealtimeAsync(target, cancellationToken);
}
