using Monitoring.HealthModel.Alerts;

namespace Monitoring.HealthModel.Storage;

/// <summary>One entry of the alert change log: the alert as it stood right after a change.</summary>
/// <param name="Sequence">Position in the log: increases by at least one per change, never reused; a bookmark for readers.</param>
/// <param name="IsNew">True for the change that created the alert.</param>
/// <param name="At">When the change was stored.</param>
/// <param name="Alert">The alert after the change.</param>
public sealed record AlertChange(long Sequence, bool IsNew, DateTimeOffset At, Alert Alert);
