namespace Monitoring.HealthModel.Alerts;

/// <summary>An alert, as the operations manager keeps one: raised once per object and source while open,
/// with a repeat count for every further raise, a resolution state, an owner and comments.</summary>
public sealed record Alert
{
    /// <summary>Assigned by the store.</summary>
    public long Id { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertPriority Priority { get; init; }

    /// <summary>The object the alert is about.</summary>
    public required string ObjectId { get; init; }

    /// <summary>The monitor or rule that raised it.</summary>
    public required string Source { get; init; }

    /// <summary>True when a monitor raised it (it then closes itself when the monitor is healthy again).</summary>
    public bool FromMonitor { get; init; }

    public ResolutionState ResolutionState { get; init; } = ResolutionState.New;

    /// <summary>How many times the same source raised it again on the same object while it was open (0 when raised once).</summary>
    public int RepeatCount { get; init; }

    public required DateTimeOffset RaisedAt { get; init; }

    public required DateTimeOffset LastModifiedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? ResolvedBy { get; init; }

    public string? Owner { get; init; }

    public IReadOnlyList<AlertComment> Comments { get; init; } = [];

    public bool IsOpen => !ResolutionState.IsClosed;
}
