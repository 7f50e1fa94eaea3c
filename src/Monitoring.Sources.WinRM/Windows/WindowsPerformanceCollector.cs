using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.Windows;

/// <summary>Reads a Windows server's realtime load: CPU, memory, disk and network throughput.</summary>
public sealed class WindowsPerformanceCollector : IPerformanceCollector
{
    private readonly WinRMSessionPool _pool;
    private readonly ILogger<WindowsPerformanceCollector> _logger;
    private readonly TimeProvider _time;

    public WindowsPerformanceCollector(WinRMSessionPool pool, ILogger<WindowsPerformanceCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.Windows;

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
