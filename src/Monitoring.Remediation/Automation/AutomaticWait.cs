using Monitoring.Remediation.Tips;

namespace Monitoring.Remediation.Automation;

/// <summary>A tip automatic mode would implement but not now, and why. The reason stays the same while the
/// cause does, so the service can record it once (a history note, a log line) rather than every pass.</summary>
public sealed record AutomaticWait(Tip Tip, string Reason);
