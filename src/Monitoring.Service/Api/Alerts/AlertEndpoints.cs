using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.HealthModel.Alerts;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.HealthHosting;
using Monitoring.Storage.HealthStores;

namespace Monitoring.Service.Api.Alerts;

/// <summary><c>/api/v1/alerts</c>: list and read alerts (reader); acknowledge, close, set the resolution state, the
/// owner, add a comment (operator). The database is the truth: the command line's <c>alerts ack|close</c> and these
/// act on the same rows, and every action lands in the audit trail (the audit middleware records acting calls).</summary>
internal static class AlertEndpoints
{
    private static readonly Dictionary<string, bool?> s_states = new Dictionary<string, bool?>(StringComparer.Ordinal)
    {
        ["open"] = true,
        ["closed"] = false,
        ["all"] = null,
    };

    private static readonly string[] s_severities = ["Information", "Warning", "Critical"];

    private static readonly QueryParameter[] s_listParameters =
    [
        new("state", "open (default), closed or all."),
        new("severity", "Information, Warning or Critical."),
        new("object", "Only alerts on this object (an inventory id, or target:NAME)."),
        new("target", "Only alerts on this target's objects (its config name)."),
        QueryParameter.Offset,
        QueryParameter.Limit,
    ];

    public static void MapAlerts(this RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ListAsync).RequireRole(ApiRole.Reader).WithTags("Alerts")
            .WithSummary("Alerts, newest first; open ones unless state says otherwise.")
            .WithQueryParameters(s_listParameters).Produces<PageDocument<AlertView>>().ProducesValidationProblem();
        api.MapGet("/alerts/{id}", GetAsync).RequireRole(ApiRole.Reader).WithTags("Alerts")
            .WithSummary("One alert with its comments (its history: who changed what, when).")
            .Produces<AlertView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        MapAction(api, "acknowledge", "Sets resolution state 249 (Acknowledged). Body optional: { \"comment\" }.", async (http, desk, id, actor, ct) =>
        {
            var (body, problem) = await OptionalBodyAsync(http, ct).ConfigureAwait(false);
            return problem ?? Act(() => desk.Tracker.Acknowledge(id, actor, body?.Comment));
        });
        MapAction(api, "close", "Sets resolution state 255 (Closed). Body optional: { \"comment\" }.", async (http, desk, id, actor, ct) =>
        {
            var (body, problem) = await OptionalBodyAsync(http, ct).ConfigureAwait(false);
            return problem ?? Act(() => desk.Tracker.Close(id, actor, body?.Comment));
        });
        MapAction(api, "resolution-state", "Sets a resolution state: { \"state\": 0, 2-248 (custom, when configured), 249 or 255, \"comment\" }.", async (http, desk, id, actor, ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<ResolutionStateRequest>(http, ct).ConfigureAwait(false);
            return problem ?? (body!.State is < 0 or > 255
                ? ApiProblems.BadRequest("state", "state: 0 New, 2-248 custom (when configured), 249 Acknowledged or 255 Closed")
                : Act(() => desk.Tracker.SetResolutionState(id, body.State, actor, body.Comment)));
        });
        MapAction(api, "owner", "Sets the owner: { \"owner\" }.", async (http, desk, id, actor, ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<OwnerRequest>(http, ct).ConfigureAwait(false);
            return problem ?? (string.IsNullOrWhiteSpace(body!.Owner) || body.Owner.Length > 128
                ? ApiProblems.BadRequest("owner", "owner: 1-128 characters")
                : Act(() => OpenOnly(desk, id, () => desk.Tracker.AssignOwner(id, body.Owner, actor))));
        });
        MapAction(api, "comments", "Adds a comment: { \"text\" }.", async (http, desk, id, actor, ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<CommentRequest>(http, ct).ConfigureAwait(false);
            return problem ?? (string.IsNullOrWhiteSpace(body!.Text) || body.Text.Length > 4000
                ? ApiProblems.BadRequest("text", "text: 1-4000 characters")
                : Act(() => OpenOnly(desk, id, () => desk.Tracker.AddComment(id, actor, body.Text))));
        });
    }

    private delegate Task<IResult> AlertAction(HttpContext http, AlertDesk desk, long id, string actor, CancellationToken ct);

    private static void MapAction(RouteGroupBuilder api, string action, string summary, AlertAction body)
    {
        api.MapPost($"/alerts/{{id}}/{action}", async (string id, HttpContext http, AlertDesk desk, CancellationToken ct) =>
        {
            var query = new QueryReader(http.Request);
            if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var alertId))
            {
                query.Fail("id", "id: an alert's number");
            }

            if (query.HasErrors)
            {
                return query.Problem();
            }

            var result = await body(http, desk, alertId, ApiKeyAuthentication.ActorOf(http.User), ct).ConfigureAwait(false);
            if (result is IValueHttpResult { Value: Alert alert })
            {
                var inMaintenance = await desk.MaintenanceAsync(ct).ConfigureAwait(false);
                return TypedResults.Ok(AlertView.From(alert, inMaintenance(alert.ObjectId), withComments: true));
            }

            return result;
        }).RequireRole(ApiRole.Operator).WithTags("Alerts").WithSummary(summary)
            .Produces<AlertView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, AlertDesk desk, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_listParameters));
        var state = query.Matching("state", s_states.ContainsKey, "open, closed or all") ?? "open";
        var severity = query.Matching("severity", s => s_severities.Contains(s, StringComparer.Ordinal), "Information, Warning or Critical");
        var objectId = query.Text("object");
        var target = query.Text("target");
        var paging = Paging.From(query);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var (items, total) = desk.Store.Query(new AlertQuery(s_states[state], severity, objectId, target, paging.Offset, paging.Limit));
        var inMaintenance = await desk.MaintenanceAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(new PageDocument<AlertView>([.. items.Select(a => AlertView.From(a, inMaintenance(a.ObjectId)))], total, paging.Offset, paging.Limit));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, AlertDesk desk, CancellationToken ct)
    {
        var query = new QueryReader(request);
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var alertId))
        {
            query.Fail("id", "id: an alert's number");
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (desk.Store.Find(alertId) is not { } alert)
        {
            return ApiProblems.NotFound($"There is no alert {alertId}.");
        }

        var inMaintenance = await desk.MaintenanceAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(AlertView.From(alert, inMaintenance(alert.ObjectId), withComments: true));
    }

    /// <summary>A body that may be absent (no content) or <c>{ "comment" }</c>.</summary>
    private static async Task<(AlertCommentRequest? Body, IResult? Problem)> OptionalBodyAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength is null or 0 && !http.Request.HasJsonContentType())
        {
            return (null, null);
        }

        return await JsonBody.ReadAsync<AlertCommentRequest>(http, ct).ConfigureAwait(false);
    }

    /// <summary>Owner and comments are refused on a closed alert too, as every other change is.</summary>
    private static Alert OpenOnly(AlertDesk desk, long id, Func<Alert> change)
    {
        var alert = desk.Tracker.Get(id) ?? throw new AlertOperationException($"There is no alert {id}.", AlertOperationFailure.NotFound);
        return alert.IsOpen ? change() : throw new AlertOperationException($"Alert {id} is closed (by {alert.ResolvedBy} at {alert.ResolvedAt:u}); a closed alert cannot change.", AlertOperationFailure.Closed);
    }

    private static IResult Act(Func<Alert> change)
    {
        try
        {
            return TypedResults.Ok(change());
        }
        catch (AlertOperationException e) when (e.Failure == AlertOperationFailure.NotFound)
        {
            return ApiProblems.NotFound(e.Message);
        }
        catch (AlertOperationException e) when (e.Failure == AlertOperationFailure.Closed)
        {
            return ApiProblems.Conflict(e.Message);
        }
        catch (AlertOperationException e)
        {
            return ApiProblems.BadRequest("state", e.Message);
        }
    }
}
