using Monitoring.Core.Model;

namespace Monitoring.Service.Output;

/// <summary>The words the JSON contract uses for enum values (camelCase, lower-case).</summary>
internal static class ContractNames
{
    public static string Of(HealthState state) => state switch
    {
        HealthState.Healthy => "healthy",
        HealthState.Warning => "warning",
        HealthState.Critical => "critical",
        _ => "unknown",
    };

    public static string Of(PowerState state) => state switch
    {
        PowerState.PoweredOn => "poweredOn",
        PowerState.PoweredOff => "poweredOff",
        PowerState.Suspended => "suspended",
        _ => "unknown",
    };

    public static string Of(HypervisorKind kind) => kind switch
    {
        HypervisorKind.Esx => "esx",
        HypervisorKind.HyperV => "hyperv",
        HypervisorKind.VirtualServer => "virtualserver",
        _ => "windows",
    };
}
