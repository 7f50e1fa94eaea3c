using Monitoring.Core.Model;
using ReportedHealth = Monitoring.Core.Model.Health;

namespace Monitoring.HealthModel.Monitors;

/// <summary>Maps the sources' own status values to health.</summary>
/// <remarks>vSphere <c>overallStatus</c> is mapped by the vSphere source as it reads the inventory; here is
/// what the health model adds: Hyper-V's CIM <c>HealthState</c> and the combination with triggered alarms.</remarks>
public static class SourceStatus
{
    /// <summary>CIM <c>HealthState</c> (<c>Msvm_ComputerSystem</c>): 5 OK; 10 degraded and 15 minor failure
    /// are warnings; 20 major, 25 critical and 30 non-recoverable failures are critical; 0 and anything
    /// else unknown.</summary>
    public static ReportedHealth FromCimHealthState(int healthState) => healthState switch
    {
        5 => new ReportedHealth(HealthState.Healthy, null),
        10 => new ReportedHealth(HealthState.Warning, "HealthState 10 (degraded)"),
        15 => new ReportedHealth(HealthState.Warning, "HealthState 15 (minor failure)"),
        20 => new ReportedHealth(HealthState.Critical, "HealthState 20 (major failure)"),
        25 => new ReportedHealth(HealthState.Critical, "HealthState 25 (critical failure)"),
        30 => new ReportedHealth(HealthState.Critical, "HealthState 30 (non-recoverable error)"),
        _ => ReportedHealth.Unknown($"HealthState {healthState} (unknown)"),
    };

    /// <summary>The object's status together with its triggered alarms: the worst wins, and its reason is kept.
    /// A gray status (unknown) with a red alarm is critical.</summary>
    public static ReportedHealth WithAlarms(ReportedHealth overall, IEnumerable<ReportedHealth> triggeredAlarms)
    {
        var worst = overall;
        foreach (var alarm in triggeredAlarms)
        {
            if ((int)alarm.State > (int)worst.State)
            {
                worst = alarm;
            }
        }

        return worst;
    }
}
