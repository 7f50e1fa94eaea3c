using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.Reports.Capacity;
using Monitoring.Reports.Rendering;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Storage;

namespace Monitoring.Service.Api.Reports;

/// <summary><c>GET /api/v1/reports/capacity?format=json|csv|html</c>: the same report as <c>report capacity</c>.</summary>
internal static class CapacityEndpoints
{
    private static readonly QueryParameter[] s_parameters =
    [
        new("format", "json (default), csv or html (one self-contained file with inline SVG charts)."),
        new("days", $"The window, days ending now, 1-730. Default {CapacityOptions.DefaultDays}."),
        new("reserveHosts", $"Hosts per cluster held back for failover (N+k), 0-16. Default {CapacityOptions.DefaultReserveHosts}."),
        new("targetRatio", $"Share of capacity that counts as full, above 0 and up to 1. Default {CapacityOptions.DefaultTargetRatio.ToString(CultureInfo.InvariantCulture)}."),
    ];

    public static void MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/capacity", GetAsync).RequireRole(ApiRole.Reader).WithTags("Reports")
            .WithSummary("The capacity report: use, headroom, trends and days to exhaustion per cluster and host, and P2V candidates (docs/capacity.md).")
            .WithQueryParameters(s_parameters)
            .Produces<CapacityReport>(StatusCodes.Status200OK, "application/json", "text/csv", "text/html")
            .ProducesValidationProblem();
    }

    private static async Task<IResult> GetAsync(HttpRequest request, MonitoringDatabase database, TimeProvider time, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_parameters));
        var format = query.OneOf("format", ReportFormats.ByName) ?? ReportFormat.Json;
        var days = query.Integer("days", CapacityOptions.DefaultDays, 1, 730);
        var reserve = query.Integer("reserveHosts", CapacityOptions.DefaultReserveHosts, 0, 16);
        var ratio = CapacityOptions.DefaultTargetRatio;
        if (query.Text("targetRatio") is { } text
            && (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out ratio) || ratio is <= 0 or > 1))
        {
            query.Fail("targetRatio", "targetRatio: a number above 0 and up to 1 (e.g. 0.8)");
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        var options = new CapacityOptions { Days = days, ReserveHosts = reserve, TargetRatio = ratio };
        var report = await new CapacityReports(database, time).GenerateAsync(options, null, ct).ConfigureAwait(false);
        return TypedResults.Text(ReportFormats.Render(report, format), ReportFormats.MediaType(format));
    }
}
