using Monitoring.Service.Collection;
using Quartz;

namespace Monitoring.Service.Scheduling;

/// <summary>An inventory pass of one target. Never two at once for the same target: a slow vCenter
/// delays its own next pass instead of piling passes up.</summary>
[DisallowConcurrentExecution]
internal sealed class InventoryJob : IJob
{
    public const string TargetKey = "target";

    private readonly TargetDirectory _targets;
    private readonly InventoryPass _pass;

    public InventoryJob(TargetDirectory targets, InventoryPass pass)
    {
        _targets = targets;
        _pass = pass;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_targets.Find(context.MergedJobDataMap.GetString(TargetKey)!) is { } target)
        {
            await _pass.CollectOneAsync(target, cancellationToken).ConfigureAwait(false);
        }
    }
}
