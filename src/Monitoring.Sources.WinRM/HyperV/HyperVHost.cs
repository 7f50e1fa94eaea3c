using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>What a session learns once about a Hyper-V host: which namespace its provider lives in and
/// the keys of its management service (the object <c>GetSummaryInformation</c> is called on).</summary>
internal sealed record HyperVHost(HyperVNamespace Namespace, IReadOnlyList<Selector> Service)
{
    private const string ServiceQuery = "SELECT * FROM Msvm_VirtualSystemManagementService";

    /// <summary>The host's facts, as the session already knows them or found out (v2 first, then v1).</summary>
    public static async Task<HyperVHost> ResolveAsync(WmiSession session, CancellationToken cancellationToken)
    {
        if (session.HyperVHost is { } known)
        {
            return known;
        }

        foreach (var ns in (HyperVNamespace[])[HyperVNamespace.V2, HyperVNamespace.V1])
        {
            IReadOnlyList<WmiInstance> services;
            try
            {
                services = await session.Client.QueryAsync(ns.Path, ServiceQuery, cancellationToken).ConfigureAwait(false);
            }
            catch (WsManFault fault) when (fault.Kind is WmiErrorKind.InvalidNamespace or WmiErrorKind.InvalidClass)
            {
                continue;
            }
            catch (WsManFault fault)
            {
                throw WinRMFailures.From(fault, $"{ns.Path}: {ServiceQuery}");
            }

            if (services.Count == 0)
            {
                throw new TargetFailureException(FailureKind.Protocol, $"{ns.Path} has no Msvm_VirtualSystemManagementService; is the Hyper-V Virtual Machine Management service running?");
            }

            var service = services[0];
            var host = new HyperVHost(ns,
            [
                new Selector("CreationClassName", service.String("CreationClassName") ?? "Msvm_VirtualSystemManagementService"),
                new Selector("Name", service.String("Name") ?? "vmms"),
                new Selector("SystemCreationClassName", service.String("SystemCreationClassName") ?? "Msvm_ComputerSystem"),
                new Selector("SystemName", service.String("SystemName") ?? string.Empty),
            ]);
            session.HyperVHost = host;
            return host;
        }

        throw new TargetFailureException(
            FailureKind.Protocol,
            "neither root/virtualization/v2 nor root/virtualization exists on this host: it has no Hyper-V role (use Kind Windows for a plain Windows server)");
    }
}
