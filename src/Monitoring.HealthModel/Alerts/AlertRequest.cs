namespace Monitoring.HealthModel.Alerts;

/// <summary>What a monitor or rule asks for when it raises an alert.</summary>
/// <param name="Name">The alert's name (for example <c>VirtTargetUnreachable</c>).</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Priority">Its priority.</param>
/// <param name="ObjectId">The object it is about (an inventory id, or <c>target:NAME</c>).</param>
/// <param name="Source">The monitor or rule raising it; with the object, what makes a repeat a repeat.</param>
/// <param name="Description">What happened, for the operator.</param>
public sealed record AlertRequest(string Name, AlertSeverity Severity, AlertPriority Priority, string ObjectId, string Source, string Description);
