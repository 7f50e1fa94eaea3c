using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Storage;

namespace Monitoring.Service.Collection;

/// <summary>The outcome of one target's pass.</summary>
internal sealed record TargetResult(
    string Target,
    TimeSpan Duration,
    InventorySnapshot? Snapshot,
    InventoryChanges? Changes,
    FailureKind? FailureKind,
    string? Error)
{
    public bool Succeeded => Snapshot is not null;
}
