using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Model;
using Monitoring.Service.Api.Http;
using Monitoring.Storage.Records;

namespace Monitoring.Service.Api.Inventory;

/// <summary>The filters every inventory list takes: <c>target</c>, <c>name</c> (a fragment, case ignored for
/// ASCII), <c>health</c>, <c>includeGone</c>, plus paging.</summary>
internal sealed record InventoryFilter(string? Target, string? Name, HealthState? Health, bool IncludeGone, Paging Paging)
{
    /// <summary>The query parameters every list accepts; a list adds its own.</summary>
    public static readonly QueryParameter[] Parameters =
    [
        new("target", "Only objects of this target (its config name)."),
        new("name", $"Only objects whose name contains this text (case ignored for ASCII; at most {ApiLimits.MaxFilterLength} characters)."),
        new("health", "Only objects in this health: healthy, warning, critical or unknown."),
        new("includeGone", "true to include objects gone from their target. Default false."),
        QueryParameter.Offset,
        QueryParameter.Limit,
    ];

    public static readonly IReadOnlyDictionary<string, HealthState> HealthNames = new Dictionary<string, HealthState>(StringComparer.Ordinal)
    {
        ["healthy"] = HealthState.Healthy,
        ["warning"] = HealthState.Warning,
        ["critical"] = HealthState.Critical,
        ["unknown"] = HealthState.Unknown,
    };

    public static InventoryFilter From(QueryReader query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new InventoryFilter(
            query.Matching("target", ObjectIds.IsTargetName, ObjectIds.TargetRule),
            query.Text("name"),
            query.OneOf("health", HealthNames),
            query.Boolean("includeGone"),
            Paging.From(query));
    }

    /// <summary>Applies the common filters to any inventory table.</summary>
    public IQueryable<T> Apply<T>(IQueryable<T> rows)
        where T : class, IListedInventoryRecord
    {
        ArgumentNullException.ThrowIfNull(rows);
        rows = Target is { } target ? rows.Where(r => r.Target == target) : rows;
        rows = IncludeGone ? rows : rows.Where(r => r.GoneAt == null);
        rows = NamePattern is { } pattern ? rows.Where(r => EF.Functions.Like(r.Name, pattern, "\\")) : rows;
        return Health is { } health ? rows.Where(r => r.Health == health) : rows;
    }

    /// <summary>Counts the matches, then takes this filter's page in the lists' one order: target, name, id.</summary>
    public async Task<(List<T> Page, int Total)> PageAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken)
        where T : class, IListedInventoryRecord
    {
        var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await rows.OrderBy(r => r.Target).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Skip(Paging.Offset).Take(Paging.Limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (page, total);
    }

    /// <summary>The <c>LIKE</c> pattern for <see cref="Name"/>, with the wildcards a caller typed escaped.</summary>
    public string? NamePattern => Name is null
        ? null
        : "%" + Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
