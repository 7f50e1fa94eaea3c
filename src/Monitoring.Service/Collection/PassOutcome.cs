using Monitoring.Core.Collection;

namespace Monitoring.Service.Collection;

/// <summary>How one pass of one target went.</summary>
internal sealed record PassOutcome(string Target, PassKind Kind, DateTimeOffset FinishedAt, TimeSpan Duration, FailureKind? Failure, string? Error)
{
    /// <summary>Optional items the target lacks (see <c>InventorySnapshot.Gaps</c>); empty when none.</summary>
    public IReadOnlyList<string> Gaps { get; init; } = [];

    public bool Succeeded => Failure is null;
}
