using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Access;
using Monitoring.HealthModel.Storage;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Storage.Exports;

namespace Monitoring.Service.Exports.Feed;

/// <summary><c>GET /api/v1/alert-feed</c> (reader) and <c>POST /api/v1/alert-feed/ack</c> (operator): the connector feed.</summary>
/// <remarks>Reading changes nothing, so a reader key may read; acknowledging decides what is never delivered again, so it
/// takes an operator key (a connector that acknowledges needs one).</remarks>
internal static class AlertFeedEndpoints
{
    private static readonly QueryParameter[] s_parameters =
    [
        new("connector", $"The connector's name ({AlertExportValidator.NameRule}); each connector has its own acknowledged position.", Required: true),
        new("after", "A bookmark from an earlier reply: read on after it without acknowledging. Absent: from the connector's acknowledged position, so unacknowledged changes come again."),
        new("max", $"Changes per reply, 1-{AlertFeed.MaxMax}. Default {AlertFeed.DefaultMax}."),
    ];

    public static void MapAlertFeed(this RouteGroupBuilder api)
    {
        api.MapGet("/alert-feed", ReadAsync).RequireRole(ApiRole.Reader).WithTags("Alerts")
            .WithSummary("The connector feed: alert changes after the connector's acknowledged position (or after the bookmark 'after'), oldest first, with the bookmark to acknowledge.")
            .WithQueryParameters(s_parameters)
            .Produces<AlertFeedPage>().ProducesValidationProblem();
        api.MapPost("/alert-feed/ack", AcknowledgeAsync).RequireRole(ApiRole.Operator).WithTags("Alerts")
            .WithSummary("Acknowledges a connector's changes up to a bookmark: they are not delivered to it again. Body { \"connector\", \"bookmark\" }.")
            .Accepts<AlertFeedAck>("application/json")
            .Produces<AlertFeedAcknowledged>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var query = new QueryReader(http.Request, QueryParameter.Names(s_parameters));
        var connector = query.Matching("connector", AlertExportValidator.IsValidName, AlertExportValidator.NameRule);
        if (connector is null && !query.HasErrors)
        {
            query.Fail("connector", $"connector: required, {AlertExportValidator.NameRule}");
        }

        var max = query.Integer("max", AlertFeed.DefaultMax, 1, AlertFeed.MaxMax);
        var bookmark = query.Text("after", 200);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var feed = Feed(http);
        long? after = null;
        if (bookmark is not null)
        {
            after = feed.Decode(bookmark, connector!, out var problem);
            if (problem is not null)
            {
                return ApiProblems.BadRequest("after", $"after: {problem}");
            }
        }

        return TypedResults.Ok(await feed.ReadAsync(connector!, after, max, ct).ConfigureAwait(false));
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext http, CancellationToken ct)
    {
        var query = new QueryReader(http.Request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var (body, problem) = await JsonBody.ReadAsync<AlertFeedAck>(http, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!AlertExportValidator.IsValidName(body!.Connector))
        {
            return ApiProblems.BadRequest("connector", $"connector: {AlertExportValidator.NameRule}");
        }

        var feed = Feed(http);
        if (feed.Decode(body.Bookmark, body.Connector, out var bad) is not { } sequence)
        {
            return ApiProblems.BadRequest("bookmark", $"bookmark: {bad}");
        }

        var stored = await feed.AcknowledgeAsync(body.Connector, sequence, ct).ConfigureAwait(false);
        return TypedResults.Ok(new AlertFeedAcknowledged(body.Connector, stored));
    }

    /// <summary>The feed over the alert store's change log.</summary>
    private static AlertFeed Feed(HttpContext http) => new(
        http.RequestServices.GetRequiredService<IAlertChangeLog>(),
        http.RequestServices.GetRequiredService<IExportPositionStore>(),
        http.RequestServices.GetRequiredService<MaintenanceLookup>());
}
