using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Performance;

/// <summary>Lists the hosts and VMs that have realtime statistics: connected hosts and powered-on VMs.</summary>
/// <remarks>A powered-off or suspended VM and a disconnected or not-responding host have no realtime
/// samples; asking for them only makes the reply longer (or, on some servers, fails the query).</remarks>
internal static class RealtimeEntities
{
    private static readonly PropertySpec s_host = new("HostSystem", ["runtime.connectionState"]);
    private static readonly PropertySpec s_vm = new("VirtualMachine", ["runtime.powerState"]);

    /// <summary>Every such host and VM under the inventory root, hosts first, in the server's order.</summary>
    /// <exception cref="SessionExpiredException">A property came back NotAuthenticated.</exception>
    /// <exception cref="Core.Collection.TargetFailureException">A property could not be read for another reason.</exception>
    public static async Task<IReadOnlyList<ManagedObjectReference>> ReadAsync(VimSession session, CancellationToken cancellationToken)
    {
        var hosts = new List<ManagedObjectReference>();
        var vms = new List<ManagedObjectReference>();
        await session.ReadContainerAsync(
            session.Content.RootFolder,
            [s_host, s_vm],
            o =>
            {
                // An object deleted while we read is simply not there any more.
                if (!MissingProperties.Check(o))
                {
                    return;
                }

                switch (o.Obj.Type)
                {
                    case "HostSystem" when Text(o, "runtime.connectionState") == "connected":
                        hosts.Add(o.Obj);
                        break;
                    case "VirtualMachine" when Text(o, "runtime.powerState") == "poweredOn":
                        vms.Add(o.Obj);
                        break;
                    default:
                        break;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return [.. hosts, .. vms];
    }

    private static string? Text(ObjectContent o, string path) => o.Properties.GetValueOrDefault(path)?.Text;
}
