using Monitoring.HealthModel.Alerts;

namespace Monitoring.Tests.Service.Exports;

/// <summary>Alerts for the export tests.</summary>
internal static class ExportTestAlerts
{
    public static readonly DateTimeOffset Raised = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static Alert Unreachable(long id = 1, AlertSeverity severity = AlertSeverity.Critical) => new()
    {
        Id = id,
        Name = "VirtTargetUnreachable",
        Description = "Target availability on target:vc01 is critical: unreachable: connection refused",
        Severity = severity,
        Priority = AlertPriority.High,
        ObjectId = "target:vc01",
        Source = "target.availability",
        FromMonitor = true,
        RaisedAt = Raised,
        LastModifiedAt = Raised,
    };

    public static Alert HostCpu(long id = 2, AlertSeverity severity = AlertSeverity.Warning) => Unreachable(id) with
    {
        Name = "VirtHostCpuPressure",
        Description = "Host CPU on vc01/host-1 is warning",
        Severity = severity,
        ObjectId = "vc01/host-1",
        Source = "host.cpu",
    };

    public static Alert Closed(Alert alert, DateTimeOffset at) => alert with
    {
        ResolutionState = ResolutionState.Closed,
        ResolvedAt = at,
        ResolvedBy = AlertTracker.SystemActor,
        LastModifiedAt = at,
    };
}
