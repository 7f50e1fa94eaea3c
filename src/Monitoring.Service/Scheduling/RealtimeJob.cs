using Monitoring.Service.Collection;
using Quartz;

namespace Monitoring.Service.Scheduling;

/// <summary>A realtime performance pass of one target; never overlapping itself.</summary>
[DisallowConcurrentExecution]
internal sealed class RealtimeJob : IJob
{
    private readonly TargetDirectory _targets;
    private readonly PerformancePass _pass;

    public RealtimeJob(TargetDirectory targets, PerformancePass pass)
    {
        _targets = targets;
        _pass = pass;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_targets.Find(context.MergedJobDataMap.GetString(InventoryJob.TargetKey)!) is { } target)
        {
            await _pass.RunAsync(target, cancellationToken).ConfigureAwait(false);
        }
    }
}
