namespace Monitoring.Storage.Records;

/// <summary>One alert as stored (see <c>Monitoring.HealthModel.Alerts.Alert</c>); its comments are rows of their own.</summary>
public sealed class AlertRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public required string Description { get; set; }

    /// <summary>The contract's word: Information, Warning or Critical.</summary>
    public required string Severity { get; set; }

    /// <summary>0 Low, 1 Normal, 2 High.</summary>
    public int Priority { get; set; }

    public required string ObjectId { get; set; }

    /// <summary>The monitor or rule that raised it.</summary>
    public required string Source { get; set; }

    public bool FromMonitor { get; set; }

    /// <summary>0 New, 249 Acknowledged, 255 Closed, custom 2-248.</summary>
    public int ResolutionState { get; set; }

    /// <summary>True until the resolution state is 255: the open alert of an object and source is found by it.</summary>
    public bool IsOpen { get; set; }

    public int RepeatCount { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DateTimeOffset LastModifiedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public string? Owner { get; set; }

    public List<AlertCommentRecord> Comments { get; set; } = [];
}
