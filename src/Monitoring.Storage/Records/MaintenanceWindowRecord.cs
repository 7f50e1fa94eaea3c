namespace Monitoring.Storage.Records;

/// <summary>A maintenance window set through the API (windows from the configuration are not stored).</summary>
public sealed class MaintenanceWindowRecord
{
    public required string Id { get; set; }

    /// <summary>An inventory id, <c>group:NAME</c>, <c>target:NAME</c> or <c>estate</c>.</summary>
    public required string Scope { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public required string Reason { get; set; }

    public required string CreatedBy { get; set; }
}
