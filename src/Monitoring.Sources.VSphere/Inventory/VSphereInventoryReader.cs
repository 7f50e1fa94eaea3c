using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Sources.VSphere.Inventory;

/// <summary>One inventory pass over a logged-in session: datacenters first, then one container view
/// per datacenter for clusters, hosts, VMs and datastores, so each object knows its datacenter
/// without walking parent chains.</summary>
internal sealed class VSphereInventoryReader
{
    private static readonly string[] s_underDatacenterTypes = [.. InventoryProperties.UnderDatacenter.Select(s => s.Type)];

    private readonly VimSession _session;
    private readonly string _target;

    public VSphereInventoryReader(VimSession session, string target)
    {
        _session = session;
        _target = target;
    }

    public async Task<InventorySnapshot> ReadAsync(DateTimeOffset collectedAt, CancellationToken cancellationToken)
    {
        var mapper = new InventoryMapper(_target);
        var datacenters = new List<(ManagedObjectReference Ref, InventoryDatacenter Model)>();
        await ReadViewAsync(
            _session.Content.RootFolder,
            ["Datacenter"],
            [InventoryProperties.Datacenter],
            o => datacenters.Add((o.Obj, mapper.AddDatacenter(o))),
            cancellationToken).ConfigureAwait(false);

        foreach (var (reference, datacenter) in datacenters)
        {
            await ReadViewAsync(reference, s_underDatacenterTypes, InventoryProperties.UnderDatacenter, o => mapper.Add(o, datacenter.Id), cancellationToken).ConfigureAwait(false);
        }

        return mapper.ToSnapshot(collectedAt);
    }

    private async Task ReadViewAsync(ManagedObjectReference container, string[] types, IReadOnlyList<PropertySpec> specs, Action<ObjectContent> onObject, CancellationToken cancellationToken)
    {
        var view = await _session.CreateContainerViewAsync(container, types, recursive: true, cancellationToken).ConfigureAwait(false);
        try
        {
            await _session.RetrieveFromViewAsync(view, specs, o =>
            {
                if (IsComplete(o))
                {
                    onObject(o);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or VimFault)
        {
            await TryDestroyAfterFailureAsync(view).ConfigureAwait(false);
            throw;
        }

        // Views live until the session ends; destroy ours so a long session does not pile them up.
        await _session.DestroyViewAsync(view, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Best effort, briefly: the read's own failure is what the operator needs to see, so a
    /// failure to clean up after it (likely, on a dead connection) must not replace it. The server drops
    /// the view with the session anyway.</summary>
    private async Task TryDestroyAfterFailureAsync(ManagedObjectReference view)
    {
        using var brief = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _session.DestroyViewAsync(view, brief.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TargetFailureException or VimFault or OperationCanceledException)
        {
            // Deliberately ignored, see above.
        }
    }

    /// <summary>Decides what an object with unreadable properties means for the pass.</summary>
    /// <returns>False for an object deleted while the pass ran (it is gone, so leaving it out is right).</returns>
    /// <exception cref="TargetFailureException">Anything else: a pass with holes must not be stored.</exception>
    private static bool IsComplete(ObjectContent o)
    {
        if (o.Missing.Count == 0)
        {
            return true;
        }

        if (o.Missing.Values.All(f => f == "ManagedObjectNotFound"))
        {
            return false;
        }

        var (path, fault) = o.Missing.First(m => m.Value != "ManagedObjectNotFound");
        if (fault == "NotAuthenticated")
        {
            throw new TargetFailureException(FailureKind.Authentication, $"the session is no longer authenticated (reading {path} of {o.Obj} returned NotAuthenticated)");
        }

        if (fault == "NoPermission")
        {
            throw new TargetFailureException(
                FailureKind.Permission,
                $"the account may not read {path} of {o.Obj} (NoPermission); give it at least the Read-only role on the whole inventory");
        }

        throw new TargetFailureException(FailureKind.Protocol, $"the server could not read {path} of {o.Obj} ({fault})");
    }
}
