using Monitoring.Core.Model;

namespace Monitoring.Core.Collection;

/// <summary>Reads realtime performance of one kind of target.</summary>
public interface IPerformanceCollector
{
    /// <summary>The kind of target this collector reads.</summary>
    TargetKind Kind { get; }

    /// <summary>One realtime pass: the latest samples of every host and running VM of <paramref name="target"/>.</summary>
    /// <exception cref="TargetFailureException">The pass failed; nothing of it is to be stored.</exception>
    Task<PerformanceBatch> CollectRealtimeAsync(TargetDefinition target, CancellationToken cancellationToken);
}
