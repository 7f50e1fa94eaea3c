using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.WinRM.Windows;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Reads a Hyper-V host's realtime load (CPU from the hypervisor's logical-processor counters, so
/// guests count), each running VM's CPU load and memory in use from <c>GetSummaryInformation</c>, and its disk
/// and network throughput from the Hyper-V device counters (<see cref="HyperVDeviceThroughput"/>).</summary>
public sealed class HyperVPerformanceCollector : IPerformanceCollector
{
    private const double MiB = 1024 * 1024;

    private readonly WinRMSessionPool _pool;
    private readonly ILogger<HyperVPerformanceCollector> _logger;
    private readonly TimeProvider _time;

    public HyperVPerformanceCollector(WinRMSessionPool pool, ILogger<HyperVPerformanceCollector> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _logger = logger;
        _time = time;
    }

    /// <inheritdoc/>
    public TargetKind Kind => TargetKind.HyperV;

    /// <inheritdoc/>
    public async Task<PerformanceBatch> CollectRealtimeAsync(TargetDefinition target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var session = _pool.SessionFor(target);
        var at = _time.GetUtcNow();
        var samples = new List<PerformanceSample>(16);
        await HostPerformanceReader.ReadAsync(session, hypervisorCpu: true, at, samples, cancellationToken).ConfigureAwait(false);
        var host = await HyperVHost.ResolveAsync(session, cancellationToken).ConfigureAwait(false);
        var summaries = await HyperVSummary.ReadAsync(session, host, cancellationToken).ConfigureAwait(false);
        var objects = 1;
        var running = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (guid, summary) in summaries)
        {
            if (HyperVStates.PowerOf(summary.Int64("EnabledState"), host.Namespace.IsV2) != PowerState.PoweredOn)
            {
                continue;
            }

            objects++;
            running[guid] = summary.String("ElementName") ?? guid;
            var vmId = ObjectId.Create(target.Name, guid);
            if (summary.Double("ProcessorLoad") is { } load)
            {
                samples.Add(new PerformanceSample(vmId, PerformanceMetric.CpuUsage, at, Math.Clamp(load / 100d, 0, 1)));
            }

            if (summary.Double("MemoryUsage") is { } megabytes)
            {
                samples.Add(new PerformanceSample(vmId, PerformanceMetric.MemoryConsumed, at, megabytes * MiB));
            }
        }

        await HyperVDeviceThroughput.AddAsync(session, host, target.Name, running, at, samples, cancellationToken).ConfigureAwait(false);
        WinRMLog.RealtimeRead(_logger, target.Name, samples.Count, objects);
        return new PerformanceBatch(target.Name, _time.GetUtcNow(), samples, objects);
    }
}
