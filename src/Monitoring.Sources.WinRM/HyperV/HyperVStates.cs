using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Decodes Hyper-V's numeric states. <c>EnabledState</c> differs by namespace: v1 uses its own
/// values for paused and saved, v2 the CIM values.</summary>
internal static class HyperVStates
{
    /// <summary>A VM's power state from <c>Msvm_ComputerSystem.EnabledState</c>; transitions are unknown.</summary>
    public static PowerState PowerOf(long? enabledState, bool v2) => (v2, enabledState) switch
    {
        (_, 2) => PowerState.PoweredOn,
        (_, 3) => PowerState.PoweredOff,

        // v1: 32768 paused, 32769 saved.
        (false, 32768 or 32769) => PowerState.Suspended,

        // v2: 6 enabled but offline (saved), 9 quiesce (paused).
        (true, 6 or 9) => PowerState.Suspended,
        _ => PowerState.Unknown,
    };

    /// <summary>The words for a state, for health reasons and logs.</summary>
    public static string NameOf(long? enabledState, bool v2) => (v2, enabledState) switch
    {
        (_, null) => "not reported",
        (_, 2) => "running",
        (_, 3) => "off",
        (false, 32768) => "paused",
        (false, 32769) => "saved",
        (false, 32770) => "starting",
        (false, 32773) => "saving",
        (false, 32774) => "stopping",
        (false, 32776) => "pausing",
        (false, 32777) => "resuming",
        (true, 4) => "shutting down",
        (true, 6) => "saved",
        (true, 9) => "paused",
        (true, 10) => "starting",
        (_, var other) => $"EnabledState {other}",
    };

    /// <summary>Health from <c>HealthState</c> (5 OK, 10 degraded, 20 major, 25 critical failure) and, for a
    /// running VM, the heartbeat integration service (2 OK, 6 error, 12 no contact, 13 lost communication).</summary>
    public static Health HealthOf(long? healthState, long? heartbeat, PowerState power)
    {
        var health = healthState switch
        {
            5 => new Health(HealthState.Healthy, null),
            10 => new Health(HealthState.Warning, "HealthState 10 (degraded)"),
            20 => new Health(HealthState.Critical, "HealthState 20 (major failure)"),
            25 => new Health(HealthState.Critical, "HealthState 25 (critical failure)"),
            null => Health.Unknown("HealthState not reported"),
            _ => Health.Unknown($"HealthState {healthState}"),
        };

        // No heartbeat from a stopped VM is normal; from a running one it means the guest stopped answering
        // (or has no integration services, which an operator wants to know too).
        if (power == PowerState.PoweredOn && health.State is HealthState.Healthy && heartbeat is 6 or 13)
        {
            return new Health(HealthState.Warning, heartbeat == 6 ? "heartbeat error" : "heartbeat lost");
        }

        return health;
    }
}
