using System.Globalization;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>Per-VM state, load and guest facts in one call:
/// <c>Msvm_VirtualSystemManagementService.GetSummaryInformation</c>, for every VM of the host.</summary>
/// <remarks>Without <c>SettingData</c> the method answers for every virtual system of the host, so one request
/// covers the host whatever its VM count. The requested fields are numbered (MSDN):
/// 0 Name, 1 ElementName, 4 NumberOfProcessors, 100 EnabledState, 101 ProcessorLoad, 103 MemoryUsage,
/// 104 Heartbeat, 105 Uptime, 106 GuestOperatingSystem, 109 HealthState.</remarks>
internal static class HyperVSummary
{
    private static readonly int[] s_requested = [0, 1, 4, 100, 101, 103, 104, 105, 106, 109];

    /// <summary>Summaries keyed by VM name (the GUID that is <c>Msvm_ComputerSystem.Name</c>).</summary>
    public static async Task<Dictionary<string, WmiInstance>> ReadAsync(WmiSession session, HyperVHost host, CancellationToken cancellationToken)
    {
        var resource = WmiResource.Of(host.Namespace.Path, "Msvm_VirtualSystemManagementService");
        var output = await session.InvokeAsync(resource, "GetSummaryInformation", host.Service, w =>
        {
            foreach (var field in s_requested)
            {
                w.WriteElementString("p", "RequestedInformation", resource, field.ToString(CultureInfo.InvariantCulture));
            }
        }, cancellationToken).ConfigureAwait(false);
        if (output.Int64("ReturnValue") is { } code && code != 0)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"GetSummaryInformation returned {code}");
        }

        var byName = new Dictionary<string, WmiInstance>(StringComparer.OrdinalIgnoreCase);
        foreach (var summary in output.Instances("SummaryInformation"))
        {
            if (summary.String("Name") is { } name)
            {
                byName[name] = summary;
            }
        }

        return byName;
    }
}
