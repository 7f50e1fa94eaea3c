using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.HealthModel.Monitors;

/// <summary>Takes the state the source itself reports for an object (vSphere <c>overallStatus</c> and
/// triggered alarms, Hyper-V <c>HealthState</c>). The source has already judged, so every change is taken at once.</summary>
public sealed class SourceStatusMonitor : UnitMonitor
{
    public SourceStatusMonitor(string objectId, string name)
        : base(objectId, name)
    {
    }

    public MonitorTransition? Observe(ReportedHealth reported, DateTimeOffset at) =>
        MoveTo(reported.State, at, reported.Reason ?? $"the source reports {reported.State.ToString().ToLowerInvariant()}");
}
