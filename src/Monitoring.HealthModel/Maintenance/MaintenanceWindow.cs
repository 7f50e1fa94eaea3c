namespace Monitoring.HealthModel.Maintenance;

/// <summary>A period during which an object (and everything under it in the health tree) is in maintenance:
/// its monitors keep recording, its alerts are held back, and automatic remediation leaves it alone.</summary>
/// <param name="Id">The window's id.</param>
/// <param name="Scope">An inventory id, a host group (<c>group:NAME</c>), a target (<c>target:NAME</c>) or <c>estate</c>.</param>
/// <param name="Start">When it begins.</param>
/// <param name="End">When it ends (exclusive).</param>
/// <param name="Reason">Why, for the operator and the audit trail.</param>
/// <param name="CreatedBy">Who set it.</param>
public sealed record MaintenanceWindow(string Id, string Scope, DateTimeOffset Start, DateTimeOffset End, string Reason, string CreatedBy)
{
    public bool Covers(DateTimeOffset at) => at >= Start && at < End;
}
