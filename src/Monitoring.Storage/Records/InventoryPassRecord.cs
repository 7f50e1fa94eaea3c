using Monitoring.Core.Collection;

namespace Monitoring.Storage.Records;

/// <summary>One inventory pass of one target, successful or not: the target's status history.</summary>
public sealed class InventoryPassRecord
{
    public long Id { get; set; }

    public required string Target { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>Why it failed; null on success.</summary>
    public FailureKind? FailureKind { get; set; }

    /// <summary>The operator-facing reason; never holds a secret.</summary>
    public string? Error { get; set; }

    public int Hosts { get; set; }

    public int Vms { get; set; }
}
