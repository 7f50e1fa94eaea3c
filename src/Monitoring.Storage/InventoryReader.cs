using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>Reads stored inventory for the command line and, later, the API.</summary>
public sealed class InventoryReader
{
    private readonly MonitoringDatabase _database;

    public InventoryReader(MonitoringDatabase database) => _database = database;

    /// <summary>Hosts, VMs, clusters, datastores and virtual disks ordered by target then name (disks by VM then
    /// path); gone objects only when asked.</summary>
    public async Task<StoredInventory> ReadAsync(bool includeGone, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        var hosts = await Present(context.Hosts, includeGone).OrderBy(h => h.Target).ThenBy(h => h.Name).ThenBy(h => h.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var vms = await Present(context.Vms, includeGone).OrderBy(v => v.Target).ThenBy(v => v.Name).ThenBy(v => v.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var clusters = await Present(context.Clusters, includeGone).OrderBy(c => c.Target).ThenBy(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var datastores = await Present(context.Datastores, includeGone).OrderBy(d => d.Target).ThenBy(d => d.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var disks = await Present(context.VirtualDisks, includeGone).OrderBy(d => d.VmId).ThenBy(d => d.Path).ThenBy(d => d.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new StoredInventory(hosts, vms, clusters, datastores) { VirtualDisks = disks };
    }

    private static IQueryable<T> Present<T>(DbSet<T> set, bool includeGone)
        where T : class, IInventoryRecord =>
        includeGone ? set.AsNoTracking() : set.AsNoTracking().Where(r => r.GoneAt == null);
}
