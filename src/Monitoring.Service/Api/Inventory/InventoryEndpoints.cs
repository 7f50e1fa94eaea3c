using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Access;
using Monitoring.Core.Model;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.Output;
using Monitoring.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Service.Api.Inventory;

/// <summary><c>/api/v1/hosts</c>, <c>/vms</c>, <c>/clusters</c>, <c>/datastores</c>: filtered, paged lists in the
/// JSON contract's shapes, and one object by id (<c>/api/v1/vms/vc01/vm-42</c>).</summary>
internal static class InventoryEndpoints
{
    private static readonly IReadOnlyDictionary<string, PowerState> s_powerStates = new Dictionary<string, PowerState>(StringComparer.Ordinal)
    {
        ["poweredOn"] = PowerState.PoweredOn,
        ["poweredOff"] = PowerState.PoweredOff,
        ["suspended"] = PowerState.Suspended,
        ["unknown"] = PowerState.Unknown,
    };

    private static readonly IReadOnlyDictionary<string, HypervisorKind> s_hypervisors = new Dictionary<string, HypervisorKind>(StringComparer.Ordinal)
    {
        ["esx"] = HypervisorKind.Esx,
        ["hyperv"] = HypervisorKind.HyperV,
        ["virtualserver"] = HypervisorKind.VirtualServer,
        ["windows"] = HypervisorKind.Windows,
    };

    private static readonly QueryParameter[] s_hostParameters =
    [
        .. InventoryFilter.Parameters,
        new("cluster", "Only hosts of this cluster (a cluster id)."),
        new("hypervisor", "Only hosts of this kind: esx, hyperv, virtualserver or windows."),
    ];

    private static readonly QueryParameter[] s_vmParameters =
    [
        .. InventoryFilter.Parameters,
        new("host", "Only VMs on this host (a host id)."),
        new("powerState", "Only VMs in this state: poweredOn, poweredOff, suspended or unknown."),
    ];

    public static void MapInventory(this RouteGroupBuilder api)
    {
        api.MapGet("/hosts", ListHostsAsync).RequireRole(ApiRole.Reader).WithTags("Inventory")
            .WithSummary("Hosts, filtered and paged, ordered by target, name and id.")
            .WithQueryParameters(s_hostParameters).Produces<PageDocument<HostDocument>>().ProducesValidationProblem();
        api.MapGet("/vms", ListVmsAsync).RequireRole(ApiRole.Reader).WithTags("Inventory")
            .WithSummary("VMs, filtered and paged, ordered by target, name and id.")
            .WithQueryParameters(s_vmParameters).Produces<PageDocument<VmDocument>>().ProducesValidationProblem();
        api.MapGet("/clusters", ListClustersAsync).RequireRole(ApiRole.Reader).WithTags("Inventory")
            .WithSummary("Clusters, filtered and paged, ordered by target, name and id.")
            .WithQueryParameters(InventoryFilter.Parameters).Produces<PageDocument<ClusterDocument>>().ProducesValidationProblem();
        api.MapGet("/datastores", ListDatastoresAsync).RequireRole(ApiRole.Reader).WithTags("Inventory")
            .WithSummary("Datastores, filtered and paged, ordered by target, name and id.")
            .WithQueryParameters(InventoryFilter.Parameters).Produces<PageDocument<DatastoreDocument>>().ProducesValidationProblem();

        // Ids hold a '/', hence the catch-all parameter.
        api.MapGet("/hosts/{**id}", (string id, MonitoringDatabase db, CancellationToken ct) => GetOneAsync(id, db, async (c, i) =>
            await HostsAsync(c, await c.Hosts.AsNoTracking().Where(h => h.Id == i).ToListAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false), ct))
            .RequireRole(ApiRole.Reader).WithTags("Inventory").WithSummary("One host by its inventory id (e.g. vc01/host-21).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/vms/{**id}", (string id, MonitoringDatabase db, CancellationToken ct) => GetOneAsync(id, db, async (c, i) =>
            await VmsAsync(c, await c.Vms.AsNoTracking().Where(v => v.Id == i).ToListAsync(ct).ConfigureAwait(false), includeGoneDisks: true, ct).ConfigureAwait(false), ct))
            .RequireRole(ApiRole.Reader).WithTags("Inventory").WithSummary("One VM by its inventory id (e.g. vc01/vm-42).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/clusters/{**id}", (string id, MonitoringDatabase db, CancellationToken ct) => GetOneAsync(id, db, async (c, i) =>
            await ClustersAsync(c, await c.Clusters.AsNoTracking().Where(r => r.Id == i).ToListAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false), ct))
            .RequireRole(ApiRole.Reader).WithTags("Inventory").WithSummary("One cluster by its inventory id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/datastores/{**id}", (string id, MonitoringDatabase db, CancellationToken ct) => GetOneAsync(id, db, async (c, i) =>
            await c.Datastores.AsNoTracking().Where(r => r.Id == i).Select(d => ToDocument(d)).ToListAsync(ct).ConfigureAwait(false), ct))
            .RequireRole(ApiRole.Reader).WithTags("Inventory").WithSummary("One datastore by its inventory id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListHostsAsync(HttpRequest request, MonitoringDatabase database, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_hostParameters));
        var filter = InventoryFilter.From(query);
        var cluster = query.Matching("cluster", ObjectIds.IsObjectId, ObjectIds.IdRule);
        var hypervisor = query.OneOf("hypervisor", s_hypervisors);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        await using var context = database.CreateContext();
        var rows = filter.Apply(context.Hosts.AsNoTracking());
        rows = cluster is not null ? rows.Where(r => r.ClusterId == cluster) : rows;
        rows = hypervisor is { } kind ? rows.Where(r => r.Hypervisor == kind) : rows;
        var (page, total) = await filter.PageAsync(rows, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageDocument<HostDocument>(await HostsAsync(context, page, ct).ConfigureAwait(false), total, filter.Paging.Offset, filter.Paging.Limit));
    }

    private static async Task<IResult> ListVmsAsync(HttpRequest request, MonitoringDatabase database, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_vmParameters));
        var filter = InventoryFilter.From(query);
        var host = query.Matching("host", ObjectIds.IsObjectId, ObjectIds.IdRule);
        var power = query.OneOf("powerState", s_powerStates);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        await using var context = database.CreateContext();
        var rows = filter.Apply(context.Vms.AsNoTracking());
        rows = host is not null ? rows.Where(r => r.HostId == host) : rows;
        rows = power is { } state ? rows.Where(r => r.PowerState == state) : rows;
        var (page, total) = await filter.PageAsync(rows, ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageDocument<VmDocument>(await VmsAsync(context, page, filter.IncludeGone, ct).ConfigureAwait(false), total, filter.Paging.Offset, filter.Paging.Limit));
    }

    private static async Task<IResult> ListClustersAsync(HttpRequest request, MonitoringDatabase database, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(InventoryFilter.Parameters));
        var filter = InventoryFilter.From(query);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        await using var context = database.CreateContext();
        var (page, total) = await filter.PageAsync(filter.Apply(context.Clusters.AsNoTracking()), ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageDocument<ClusterDocument>(await ClustersAsync(context, page, ct).ConfigureAwait(false), total, filter.Paging.Offset, filter.Paging.Limit));
    }

    private static async Task<IResult> ListDatastoresAsync(HttpRequest request, MonitoringDatabase database, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(InventoryFilter.Parameters));
        var filter = InventoryFilter.From(query);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        await using var context = database.CreateContext();
        var (page, total) = await filter.PageAsync(filter.Apply(context.Datastores.AsNoTracking()), ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageDocument<DatastoreDocument>([.. page.Select(ToDocument)], total, filter.Paging.Offset, filter.Paging.Limit));
    }

    private static async Task<IResult> GetOneAsync<T>(string id, MonitoringDatabase database, Func<MonitoringDbContext, string, Task<List<T>>> read, CancellationToken ct)
    {
        if (!ObjectIds.IsObjectId(id))
        {
            return ApiProblems.BadRequest("id", $"id: {ObjectIds.IdRule}");
        }

        await using var context = database.CreateContext();
        var found = await read(context, id).ConfigureAwait(false);
        return found.Count == 1 ? TypedResults.Ok(found[0]) : ApiProblems.NotFound($"no object has the id '{id}'");
    }

    /// <summary>A page of hosts with their clusters' names (one extra query for the page, not per host).</summary>
    private static async Task<List<HostDocument>> HostsAsync(MonitoringDbContext context, List<HostRecord> hosts, CancellationToken ct)
    {
        var clusterIds = hosts.Where(h => h.ClusterId is not null).Select(h => h.ClusterId!).Distinct().ToList();
        var names = await context.Clusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. hosts.Select(h => new HostDocument(
            h.Id, h.Target, h.Name, h.ClusterId is null ? null : names.GetValueOrDefault(h.ClusterId), h.ClusterId,
            ContractNames.Of(h.Hypervisor), ContractNames.Of(h.Health), h.HealthReason,
            h.CpuCount, h.MemoryBytes, h.Os, h.ConnectionState, h.InMaintenance, h.GoneAt, h.BootedAt))];
    }

    /// <summary>A page of VMs with their hosts' names and their virtual disks (two extra queries for the page, not
    /// per VM). Gone disks are listed only with <paramref name="includeGoneDisks"/>.</summary>
    private static async Task<List<VmDocument>> VmsAsync(MonitoringDbContext context, List<VmRecord> vms, bool includeGoneDisks, CancellationToken ct)
    {
        var hostIds = vms.Where(v => v.HostId is not null).Select(v => v.HostId!).Distinct().ToList();
        var hosts = await context.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).Select(h => new { h.Id, h.Name, h.Hypervisor })
            .ToDictionaryAsync(h => h.Id, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var vmIds = vms.Where(v => v.HostId is not null && VirtualDiskDocument.IsRead(hosts.GetValueOrDefault(v.HostId)?.Hypervisor)).Select(v => v.Id).ToList();
        var diskRows = vmIds.Count == 0 ? [] : await context.VirtualDisks.AsNoTracking()
            .Where(d => vmIds.Contains(d.VmId) && (includeGoneDisks || d.GoneAt == null))
            .OrderBy(d => d.VmId).ThenBy(d => d.Path).ThenBy(d => d.Id).ToListAsync(ct).ConfigureAwait(false);
        var disks = VirtualDiskDocument.ByVm(diskRows);
        return [.. vms.Select(v =>
        {
            var host = v.HostId is null ? null : hosts.GetValueOrDefault(v.HostId);
            return new VmDocument(
                v.Id, v.Target, v.Name, host?.Name, v.HostId,
                ContractNames.Of(v.PowerState), ContractNames.Of(v.Health), v.HealthReason,
                v.CpuCount, v.MemoryBytes, v.GuestOs, v.IsTemplate, v.GoneAt,
                VirtualDiskDocument.ForVm(v.Id, host?.Hypervisor, disks),
                v.BootedAt);
        })];
    }

    private static async Task<List<ClusterDocument>> ClustersAsync(MonitoringDbContext context, List<ClusterRecord> clusters, CancellationToken ct)
    {
        var ids = clusters.Select(c => c.Id).ToList();
        var counts = await context.Hosts.AsNoTracking().Where(h => h.GoneAt == null && h.ClusterId != null && ids.Contains(h.ClusterId))
            .GroupBy(h => h.ClusterId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return [.. clusters.Select(c => new ClusterDocument(c.Id, c.Target, c.Name, ContractNames.Of(c.Health), c.HealthReason, counts.GetValueOrDefault(c.Id), c.GoneAt))];
    }

    private static DatastoreDocument ToDocument(DatastoreRecord d) =>
        new(d.Id, d.Target, d.Name, ContractNames.Of(d.Health), d.HealthReason, d.CapacityBytes, d.FreeBytes, d.Type, d.Accessible, d.GoneAt);
}
