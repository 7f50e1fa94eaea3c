using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Inventory;

/// <summary>One inventory pass over a logged-in session: datacenters first, then one container view
/// per datacenter for clusters, hosts, VMs and datastores, so each object knows its datacenter
/// without walking parent chains.</summary>
internal sealed class VSphereInventoryReader
{
    private readonly VimSession _session;
    private readonly string _target;

    public VSphereInventoryReader(VimSession session, string target)
    {
        _session = session;
        _target = target;
    }

    /// <exception cref="SessionExpiredException">A property came back NotAuthenticated.</exception>
    /// <exception cref="Core.Collection.TargetFailureException">A property could not be read for another reason (NoPermission first of all).</exception>
    public async Task<InventorySnapshot> ReadAsync(DateTimeOffset collectedAt, CancellationToken cancellationToken)
    {
        var mapper = new InventoryMapper(_target);
        var datacenters = new List<(ManagedObjectReference Ref, InventoryDatacenter Model)>();
        await ReadViewAsync(
            _session.Content.RootFolder,
            [InventoryProperties.Datacenter],
            o => datacenters.Add((o.Obj, mapper.AddDatacenter(o))),
            cancellationToken).ConfigureAwait(false);

        foreach (var (reference, datacenter) in datacenters)
        {
            await ReadViewAsync(reference, InventoryProperties.UnderDatacenter, o => mapper.Add(o, datacenter.Id), cancellationToken).ConfigureAwait(false);
        }

        return mapper.ToSnapshot(collectedAt);
    }

    /// <summary>A pass with holes must not be stored, so an unreadable property fails it; an object
    /// deleted while the pass ran is simply left out (it is gone).</summary>
    private Task ReadViewAsync(ManagedObjectReference container, IReadOnlyList<PropertySpec> specs, Action<ObjectContent> onObject, CancellationToken cancellationToken) =>
        _session.ReadContainerAsync(
            container,
            specs,
            o =>
            {
                if (MissingProperties.Check(o))
                {
                    onObject(o);
                }
            },
            cancellationToken);
}
