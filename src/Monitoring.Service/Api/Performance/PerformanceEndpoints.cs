using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Monitoring.Core.Access;
using Monitoring.Core.Model;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.Api.Inventory;
using Monitoring.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Service.Api.Performance;

/// <summary><c>GET /api/v1/performance?object=ID</c>: an object's series from the minute, hourly or daily table.</summary>
/// <remarks>The id is a query parameter because inventory ids hold a '/'. Without <c>resolution</c> the range picks
/// it: up to 48 hours reads minutes, up to 90 days hours, longer ranges days (the default retention of each table).</remarks>
internal static class PerformanceEndpoints
{
    private static readonly QueryParameter[] s_parameters =
    [
        new("object", "The object's inventory id (e.g. vc01/vm-42).", Required: true),
        new("metric", "One metric (" + string.Join(", ", PerformanceMetric.All) + "). Default: all."),
        new("from", "Start, ISO 8601 (e.g. 2026-11-25T10:00:00Z), inclusive. Default: an hour before to."),
        new("to", "End, ISO 8601, exclusive. Default: now."),
        new("resolution", "minute (raw), hour or day. Default: minute up to 48 hours, hour up to 90 days, day beyond."),
    ];

    private static readonly IReadOnlyDictionary<string, SeriesResolution> s_resolutions = new Dictionary<string, SeriesResolution>(StringComparer.Ordinal)
    {
        ["minute"] = SeriesResolution.Minute,
        ["hour"] = SeriesResolution.Hour,
        ["day"] = SeriesResolution.Day,
    };

    public static void MapPerformance(this RouteGroupBuilder api)
    {
        api.MapGet("/performance", GetSeriesAsync).RequireRole(ApiRole.Reader).WithTags("Performance")
            .WithSummary("An object's performance series from the minute, hourly or daily table.")
            .WithQueryParameters(s_parameters)
            .Produces<SeriesDocument>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetSeriesAsync(HttpRequest request, MonitoringDatabase database, TimeProvider time, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_parameters));
        var objectId = query.Matching("object", ObjectIds.IsObjectId, ObjectIds.IdRule);
        if (objectId is null && !query.HasErrors)
        {
            query.Fail("object", "object: required; " + ObjectIds.IdRule);
        }

        var metric = query.Matching("metric", m => PerformanceMetric.All.Contains(m, StringComparer.Ordinal), "one of " + string.Join(", ", PerformanceMetric.All));
        var to = query.Time("to") ?? time.GetUtcNow();
        var from = query.Time("from") ?? to.AddHours(-1);
        var resolution = query.OneOf("resolution", s_resolutions) ?? Pick(to - from);
        if (from >= to)
        {
            query.Fail("from", "from: must be before to");
        }

        var metrics = metric is null ? PerformanceMetric.All.Count : 1;
        var points = (to - from).TotalSeconds / Seconds(resolution) * metrics;
        if (points > ApiLimits.MaxSeriesPoints)
        {
            query.Fail("resolution", $"the range holds up to {points:F0} points at {Name(resolution)} resolution, over the limit of {ApiLimits.MaxSeriesPoints}; narrow the range, name one metric or choose a coarser resolution");
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        await using var context = database.CreateContext();
        if (!await ExistsAsync(context, objectId!, ct).ConfigureAwait(false))
        {
            return ApiProblems.NotFound($"no object has the id '{objectId}'");
        }

        var start = from.ToUnixTimeSeconds();
        var end = to.ToUnixTimeSeconds();
        var rows = resolution switch
        {
            SeriesResolution.Minute => await ReadAsync(context.MinuteSamples, objectId!, metric, start, end, ct).ConfigureAwait(false),
            SeriesResolution.Hour => await ReadAsync(context.HourlySamples, objectId!, metric, start, end, ct).ConfigureAwait(false),
            _ => await ReadAsync(context.DailySamples, objectId!, metric, start, end, ct).ConfigureAwait(false),
        };
        var series = rows.GroupBy(r => r.Metric, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MetricSeriesDocument(g.Key, [.. g.Select(r => new SeriesPointDocument(DateTimeOffset.FromUnixTimeSeconds(r.Timestamp), r.Average, r.Minimum, r.Maximum, r.Count))]))
            .ToList();
        return TypedResults.Ok(new SeriesDocument(objectId!, Name(resolution), from, to, series));
    }

    private static async Task<List<SampleAggregate>> ReadAsync<T>(DbSet<T> table, string objectId, string? metric, long start, long end, CancellationToken ct)
        where T : SampleAggregate
    {
        var rows = table.AsNoTracking().Where(r => r.ObjectId == objectId && r.Timestamp >= start && r.Timestamp < end);
        rows = metric is null ? rows : rows.Where(r => r.Metric == metric);
        var list = await rows.OrderBy(r => r.Metric).ThenBy(r => r.Timestamp).ToListAsync(ct).ConfigureAwait(false);
        return [.. list];
    }

    private static async Task<bool> ExistsAsync(MonitoringDbContext context, string id, CancellationToken ct) =>
        await context.Vms.AnyAsync(r => r.Id == id, ct).ConfigureAwait(false)
        || await context.Hosts.AnyAsync(r => r.Id == id, ct).ConfigureAwait(false)
        || await context.Clusters.AnyAsync(r => r.Id == id, ct).ConfigureAwait(false)
        || await context.Datastores.AnyAsync(r => r.Id == id, ct).ConfigureAwait(false);

    private static SeriesResolution Pick(TimeSpan range) =>
        range <= TimeSpan.FromHours(48) ? SeriesResolution.Minute
        : range <= TimeSpan.FromDays(90) ? SeriesResolution.Hour
        : SeriesResolution.Day;

    private static int Seconds(SeriesResolution resolution) => resolution switch
    {
        SeriesResolution.Minute => 60,
        SeriesResolution.Hour => 3600,
        _ => 86400,
    };

    private static string Name(SeriesResolution resolution) => resolution.ToString().ToLowerInvariant();
}
