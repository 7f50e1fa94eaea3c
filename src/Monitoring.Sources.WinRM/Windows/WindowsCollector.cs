using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.Windows;

/// <summary>Collects the inventory of a physical or legacy Windows server over WinRM: the host (name, OS,
/// logical processors, memory) and its fixed volumes.</summary>
public sealed class WindowsCollector : IInventoryCollector
{
    private readonly WinRMSessionPool _pool;
    private readonly ILogger<WindowsCollector> _logger;
    private readonly TimeProvider _time;

    public WindowsCollector(WinRMSessionPool pool, ILogger<WindowsCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.Windows;

    /// <inheritdoc/>
    public async Task<InventorySnapshot> CollectInventoryAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var session = _pool.SessionFor(target);
        var facts = await WindowsHostReader.ReadAsync(session, HypervisorKind.Windows, cancellationToken).ConfigureAwait(false);
        WinRMLog.InventoryRead(_logger, target.Name, 1, 0, facts.Volumes.Count, "windows");
        return new InventorySnapshot(target.Name, _time.GetUtcNow(), [], [], [facts.Host], [], facts.Volumes)
        {
            Gaps = session.SortedGaps(),
        };
    }
}
