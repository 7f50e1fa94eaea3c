namespace Monitoring.Remediation.Tips;

/// <summary>A PRO tip: a condition on a target with the fix that addresses it.</summary>
public sealed class Tip
{
    public required string Id { get; init; }

    /// <summary>One condition, one open tip: passes that find the same condition refresh this tip.</summary>
    public required string ConditionKey { get; init; }

    public required string Target { get; init; }

    public string? HostGroup { get; init; }

    public TipStatus Status { get; set; } = TipStatus.Active;

    /// <summary>True when the engine implemented it by itself (automatic mode), not an operator.</summary>
    public bool Automatic { get; set; }

    public required TipAction Action { get; set; }

    public required string Summary { get; set; }

    public required string Details { get; set; }

    public required string Cause { get; set; }

    public required string ExpectedEffect { get; set; }

    public int Priority { get; set; }

    /// <summary>What automatic mode goes by (off, Critical only, Warning and Critical).</summary>
    public TipSeverity Severity { get; set; } = TipSeverity.Warning;

    public DateTimeOffset RaisedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The action's outcome (a failure's reason), or null.</summary>
    public string? Result { get; set; }

    public List<TipTransition> History { get; init; } = [];
}
