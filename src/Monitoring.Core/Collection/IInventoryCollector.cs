using Monitoring.Core.Model;

namespace Monitoring.Core.Collection;

/// <summary>Reads the inventory of one kind of target.</summary>
/// <remarks>A collector either returns a complete snapshot or throws <see cref="TargetFailureException"/>:
/// there is no partial result, because storage marks as gone whatever a snapshot lacks.</remarks>
public interface IInventoryCollector
{
    /// <summary>The kind of target this collector reads.</summary>
    TargetKind Kind { get; }

    /// <summary>One full inventory pass over <paramref name="target"/>.</summary>
    Task<InventorySnapshot> CollectInventoryAsync(TargetDefinition target, CancellationToken cancellationToken);
}
