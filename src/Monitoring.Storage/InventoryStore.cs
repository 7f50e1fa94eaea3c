using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Collection;
using Monitoring.Core.Model;
using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>Writes inventory passes: upserts by id, marks missing objects gone, never deletes.</summary>
public sealed class InventoryStore
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public InventoryStore(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Stores a complete, successful pass in one transaction.</summary>
    /// <remarks>Only a complete snapshot reaches this method (a collector throws on a partial pass), so an
    /// object that is stored, present and not in the snapshot has really left its target.</remarks>
    public async Task<InventoryChanges> ApplyAsync(InventorySnapshot snapshot, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var context = _database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var total = _database.Provider == StorageProvider.Sqlite
            ? await UpsertAsync(context, snapshot, now, cancellationToken).ConfigureAwait(false)
            : await ReconcileAsync(context, snapshot, now, cancellationToken).ConfigureAwait(false);

        context.InventoryPasses.Add(new InventoryPassRecord
        {
            Target = snapshot.Target,
            StartedAt = startedAt,
            FinishedAt = now,
            Succeeded = true,
            Hosts = snapshot.Hosts.Count,
            Vms = snapshot.Vms.Count,
        });
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return total;
    }

    /// <summary>Records a failed pass. Inventory already stored is left exactly as it was.</summary>
    public async Task RecordFailureAsync(string target, DateTimeOffset startedAt, FailureKind kind, string reason, CancellationToken cancellationToken)
    {
        await using var context = _database.CreateContext();
        context.InventoryPasses.Add(new InventoryPassRecord
        {
            Target = target,
            StartedAt = startedAt,
            FinishedAt = _time.GetUtcNow(),
            Succeeded = false,
            FailureKind = kind,
            Error = reason.Length > 1000 ? reason[..1000] : reason,
        });
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SQLite: prepared upserts, no tracking (see <see cref="SqliteInventoryUpsert"/>).</summary>
    private static async Task<InventoryChanges> UpsertAsync(MonitoringDbContext context, InventorySnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = snapshot.Target;
        var total = new InventoryChanges(0, 0, 0);
        total = Sum(total, await SqliteInventoryUpsert.ApplyAsync(context, target, snapshot.Datacenters.Select(d => CopyDatacenter(d, null)), now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await SqliteInventoryUpsert.ApplyAsync(context, target, snapshot.Clusters.Select(c => CopyCluster(c, null)), now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await SqliteInventoryUpsert.ApplyAsync(context, target, snapshot.Hosts.Select(h => CopyHost(h, null)), now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await SqliteInventoryUpsert.ApplyAsync(context, target, snapshot.Vms.Select(v => CopyVm(v, null)), now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await SqliteInventoryUpsert.ApplyAsync(context, target, snapshot.Datastores.Select(d => CopyDatastore(d, null)), now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await SqliteInventoryUpsert.ApplyAsync(context, target, snapshot.VirtualDisks.Select(d => CopyVirtualDisk(d, null)), now, cancellationToken).ConfigureAwait(false));
        return total;
    }

    /// <summary>Other providers: EF loads the target's rows and saves what changed, in batches.</summary>
    /// <remarks>SQL Server batches EF's statements (dozens per round trip), which a row-by-row path would lose.</remarks>
    private static async Task<InventoryChanges> ReconcileAsync(MonitoringDbContext context, InventorySnapshot snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = new InventoryChanges(0, 0, 0);
        total = Sum(total, await ReconcileAsync(context.Datacenters, snapshot.Target, snapshot.Datacenters, d => d.Id, CopyDatacenter, now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await ReconcileAsync(context.Clusters, snapshot.Target, snapshot.Clusters, c => c.Id, CopyCluster, now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await ReconcileAsync(context.Hosts, snapshot.Target, snapshot.Hosts, h => h.Id, CopyHost, now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await ReconcileAsync(context.Vms, snapshot.Target, snapshot.Vms, v => v.Id, CopyVm, now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await ReconcileAsync(context.Datastores, snapshot.Target, snapshot.Datastores, d => d.Id, CopyDatastore, now, cancellationToken).ConfigureAwait(false));
        total = Sum(total, await ReconcileAsync(context.VirtualDisks, snapshot.Target, snapshot.VirtualDisks, d => d.Id, CopyVirtualDisk, now, cancellationToken).ConfigureAwait(false));
        return total;
    }

    private static async Task<InventoryChanges> ReconcileAsync<TRecord, TModel>(
        DbSet<TRecord> set,
        string target,
        IReadOnlyList<TModel> models,
        Func<TModel, string> idOf,
        Func<TModel, TRecord?, TRecord> copy,
        DateTimeOffset now,
        CancellationToken cancellationToken)
        where TRecord : class, IInventoryRecord
    {
        var stored = await set.Where(r => r.Target == target).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, updated = 0, gone = 0;

        foreach (var model in models)
        {
            var id = idOf(model);
            if (!seen.Add(id))
            {
                continue; // A source that lists an object twice (a host in two views) stores it once.
            }

            stored.TryGetValue(id, out var existing);
            var record = copy(model, existing);
            record.LastSeenAt = now;
            record.GoneAt = null;
            if (existing is null)
            {
                record.FirstSeenAt = now;
                set.Add(record);
                added++;
            }
            else
            {
                updated++;
            }
        }

        foreach (var record in stored.Values)
        {
            if (record.GoneAt is null && !seen.Contains(record.Id))
            {
                record.GoneAt = now;
                gone++;
            }
        }

        return new InventoryChanges(added, updated, gone);
    }

    private static InventoryChanges Sum(InventoryChanges a, InventoryChanges b) =>
        new(a.Added + b.Added, a.Updated + b.Updated, a.MarkedGone + b.MarkedGone);

    private static DatacenterRecord CopyDatacenter(InventoryDatacenter d, DatacenterRecord? r)
    {
        r ??= new DatacenterRecord { Id = d.Id, Target = d.Target, Name = d.Name };
        r.Name = d.Name;
        return r;
    }

    private static ClusterRecord CopyCluster(InventoryCluster c, ClusterRecord? r)
    {
        r ??= new ClusterRecord { Id = c.Id, Target = c.Target, Name = c.Name };
        r.Name = c.Name;
        r.DatacenterId = c.DatacenterId;
        r.Health = c.Health.State;
        r.HealthReason = c.Health.Reason;
        return r;
    }

    private static HostRecord CopyHost(InventoryHost h, HostRecord? r)
    {
        r ??= new HostRecord { Id = h.Id, Target = h.Target, Name = h.Name };
        r.Name = h.Name;
        r.ClusterId = h.ClusterId;
        r.DatacenterId = h.DatacenterId;
        r.Hypervisor = h.Hypervisor;
        r.Health = h.Health.State;
        r.HealthReason = h.Health.Reason;
        r.CpuCount = h.CpuCount;
        r.MemoryBytes = h.MemoryBytes;
        r.Os = h.Os;
        r.ConnectionState = h.ConnectionState;
        r.InMaintenance = h.InMaintenance;
        r.BootedAt = h.BootedAt;
        return r;
    }

    private static VmRecord CopyVm(InventoryVm v, VmRecord? r)
    {
        r ??= new VmRecord { Id = v.Id, Target = v.Target, Name = v.Name };
        r.Name = v.Name;
        r.HostId = v.HostId;
        r.PowerState = v.PowerState;
        r.Health = v.Health.State;
        r.HealthReason = v.Health.Reason;
        r.CpuCount = v.CpuCount;
        r.MemoryBytes = v.MemoryBytes;
        r.GuestOs = v.GuestOs;
        r.IsTemplate = v.IsTemplate;
        r.BootedAt = v.BootedAt;
        return r;
    }

    private static DatastoreRecord CopyDatastore(InventoryDatastore d, DatastoreRecord? r)
    {
        r ??= new DatastoreRecord { Id = d.Id, Target = d.Target, Name = d.Name };
        r.Name = d.Name;
        r.DatacenterId = d.DatacenterId;
        r.Health = d.Health.State;
        r.HealthReason = d.Health.Reason;
        r.CapacityBytes = d.CapacityBytes;
        r.FreeBytes = d.FreeBytes;
        r.Type = d.Type;
        r.Accessible = d.Accessible;
        return r;
    }

    private static VirtualDiskRecord CopyVirtualDisk(InventoryVirtualDisk d, VirtualDiskRecord? r)
    {
        r ??= new VirtualDiskRecord { Id = d.Id, Target = d.Target, VmId = d.VmId, Path = d.Path };
        r.VmId = d.VmId;
        r.Path = d.Path;
        r.CapacityBytes = d.CapacityBytes;
        r.Format = d.Format;
        r.Differencing = d.Differencing;
        return r;
    }
}
