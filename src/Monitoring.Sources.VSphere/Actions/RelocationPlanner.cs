using System.Xml;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Actions;

/// <summary>Works out the <c>RelocateVM_Task</c> spec for a move to a host: the host always; a resource pool
/// only when the VM's pool belongs to another compute resource (vCenter refuses a host outside the pool's
/// cluster), and then the destination's root pool; never a datastore, so the disks stay put.</summary>
internal static class RelocationPlanner
{
    private static readonly PropertySpec s_vm = new("VirtualMachine", ["runtime.host", "resourcePool"]);
    private static readonly PropertySpec s_host = new("HostSystem", ["parent"]);
    private static readonly PropertySpec s_pool = new("ResourcePool", ["owner"]);

    /// <summary>The move to make, or null when the VM already runs on <paramref name="host"/>.</summary>
    /// <exception cref="VimFault">The VM or host does not exist (<c>ManagedObjectNotFound</c>), among others.</exception>
    public static async Task<Relocation?> NeedsMoveAsync(VimSession session, ManagedObjectReference vm, ManagedObjectReference host, CancellationToken cancellationToken)
    {
        var vmProperties = await ReadAsync(session, vm, s_vm, cancellationToken).ConfigureAwait(false);
        if (vmProperties.Properties.TryGetValue("runtime.host", out var current) && current.AsReference() == host)
        {
            return null;
        }

        var hostProperties = await ReadAsync(session, host, s_host, cancellationToken).ConfigureAwait(false);
        if (!hostProperties.Properties.TryGetValue("parent", out var parentValue))
        {
            throw new XmlException($"the server returned no parent for {host}");
        }

        var destination = parentValue.AsReference();
        if (vmProperties.Properties.TryGetValue("resourcePool", out var poolValue))
        {
            var pool = await ReadAsync(session, poolValue.AsReference(), s_pool, cancellationToken).ConfigureAwait(false);
            if (pool.Properties.TryGetValue("owner", out var owner) && owner.AsReference().Value == destination.Value)
            {
                return new Relocation(null);
            }
        }

        // The parent is a ClusterComputeResource or, for a standalone host, a ComputeResource: both have a root pool.
        var compute = await ReadAsync(session, destination, new PropertySpec(destination.Type, ["resourcePool"]), cancellationToken).ConfigureAwait(false);
        return compute.Properties.TryGetValue("resourcePool", out var rootPool)
            ? new Relocation(rootPool.AsReference())
            : throw new XmlException($"the server returned no resource pool for {destination}");
    }

    private static async Task<ObjectContent> ReadAsync(VimSession session, ManagedObjectReference obj, PropertySpec spec, CancellationToken cancellationToken)
    {
        var content = await session.RetrieveObjectAsync(obj, spec, cancellationToken).ConfigureAwait(false)
            ?? throw new VimFault("ManagedObjectNotFound", $"the server returned nothing for {obj}");

        // A missingSet here means the object went away or may not be read: either way the move cannot be planned.
        if (content.Missing.Count > 0)
        {
            var (path, fault) = content.Missing.First();
            if (fault == "NotAuthenticated" && content.Properties.Count == 0)
            {
                throw new SessionExpiredException($"the session is no longer authenticated (reading {path} of {obj})");
            }

            throw new VimFault(fault, $"the server could not read {path} of {obj}");
        }

        return content;
    }

    /// <summary>The spec's pool: null to leave the VM in the pool it is in.</summary>
    internal sealed record Relocation(ManagedObjectReference? Pool);
}
