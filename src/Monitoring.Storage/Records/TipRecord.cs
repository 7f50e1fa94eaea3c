namespace Monitoring.Storage.Records;

/// <summary>One PRO tip as stored (see <c>Monitoring.Remediation.Tips.Tip</c>); its history is rows of its own.</summary>
public sealed class TipRecord
{
    public required string Id { get; set; }

    /// <summary>One condition, one open tip: a pass finds the open tip of its condition by this key.</summary>
    public required string ConditionKey { get; set; }

    public required string Target { get; set; }

    public string? HostGroup { get; set; }

    /// <summary>The contract's word: Active, Initialized, Running, Resolved, Failed, Dismissed or Closed.</summary>
    public required string Status { get; set; }

    /// <summary>True until the status is final.</summary>
    public bool IsOpen { get; set; }

    public bool Automatic { get; set; }

    /// <summary><c>migrate</c>, <c>enterMaintenance</c>, <c>powerOn</c>, <c>hook</c>.</summary>
    public required string ActionKind { get; set; }

    /// <summary>The action's parameters as a JSON object of strings.</summary>
    public required string ActionParameters { get; set; }

    public required string Summary { get; set; }

    public required string Details { get; set; }

    public required string Cause { get; set; }

    public required string ExpectedEffect { get; set; }

    public int Priority { get; set; }

    /// <summary>Information, Warning or Critical.</summary>
    public required string Severity { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Result { get; set; }

    public List<TipHistoryRecord> History { get; set; } = [];
}
