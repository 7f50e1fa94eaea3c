using Monitoring.Core.Model;

namespace Monitoring.Sources.VSphere.Inventory;

/// <summary>Maps vSphere's status words to health, keeping the source's words as the reason.</summary>
internal static class HealthMapper
{
    /// <summary><c>overallStatus</c>: green healthy, yellow warning, red critical, gray (or absent) unknown.</summary>
    public static Health FromOverallStatus(string? status) => status switch
    {
        "green" => new Health(HealthState.Healthy, null),
        "yellow" => new Health(HealthState.Warning, "vSphere overallStatus yellow"),
        "red" => new Health(HealthState.Critical, "vSphere overallStatus red"),
        null => Health.Unknown("vSphere reported no overallStatus"),
        _ => Health.Unknown($"vSphere overallStatus {status}"),
    };

    /// <summary>A host vCenter cannot reach has a stale status: its connection state wins.</summary>
    public static Health ForHost(string? overallStatus, string? connectionState) => connectionState switch
    {
        "notResponding" => new Health(HealthState.Critical, "host is not responding to vCenter"),
        "disconnected" => Health.Unknown("host is disconnected from vCenter"),
        _ => FromOverallStatus(overallStatus),
    };

    /// <summary><c>runtime.powerState</c>.</summary>
    public static PowerState PowerStateOf(string? value) => value switch
    {
        "poweredOn" => PowerState.PoweredOn,
        "poweredOff" => PowerState.PoweredOff,
        "suspended" => PowerState.Suspended,
        _ => PowerState.Unknown,
    };
}
