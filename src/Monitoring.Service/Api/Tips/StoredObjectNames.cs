using Monitoring.Storage;

namespace Monitoring.Service.Api.Tips;

/// <summary>Names from the stored inventory, read afresh at each lookup: what the command line knows, for
/// <c>tips --json</c> and for the hooks that <c>tips implement</c> runs. The service uses the health model's names
/// instead (<see cref="HealthObjectNames"/>), which it already holds.</summary>
/// <remarks>Objects gone from their target keep their names: a tip may be about a VM that has since gone.</remarks>
internal sealed class StoredObjectNames : IObjectNames
{
    private readonly InventoryReader _inventory;

    public StoredObjectNames(InventoryReader inventory) => _inventory = inventory;

    public async Task<Func<string, string?>> LookupAsync(CancellationToken cancellationToken)
    {
        var stored = await _inventory.ReadAsync(includeGone: true, cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in stored.Clusters.Select(c => (c.Id, c.Name)).Concat(stored.Hosts.Select(h => (h.Id, h.Name)))
            .Concat(stored.Vms.Select(v => (v.Id, v.Name))).Concat(stored.Datastores.Select(d => (d.Id, d.Name))))
        {
            names[id] = name;
        }

        return id => names.GetValueOrDefault(id);
    }
}
