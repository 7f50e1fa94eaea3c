using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.HealthHosting;
using Monitoring.Service.Remediation;
using Monitoring.Storage.TipStores;

namespace Monitoring.Service.Api.Tips;

/// <summary><c>/api/v1/tips</c>: list and read PRO tips and the balancer's plan (reader); implement and dismiss
/// (operator). The database is the truth: the command line's <c>tips implement|dismiss</c> act on the same rows, and
/// every acting call lands in the audit trail (the audit middleware records it).</summary>
internal static class TipEndpoints
{
    private static readonly Dictionary<string, TipStatus> s_statuses = Enum.GetValues<TipStatus>().ToDictionary(s => s.ToString(), StringComparer.Ordinal);

    private static readonly QueryParameter[] s_listParameters =
    [
        new("status", "Active, Initialized, Running, Resolved, Failed, Dismissed or Closed (default: every status)."),
        new("target", "Only tips on this object (an inventory id) or on this target's objects (its config name)."),
        QueryParameter.Offset,
        QueryParameter.Limit,
    ];

    public static void MapTips(this RouteGroupBuilder api)
    {
        api.MapGet("/tips", List).RequireRole(ApiRole.Reader).WithTags("Tips")
            .WithSummary("PRO tips, newest first.")
            .WithQueryParameters(s_listParameters).Produces<PageDocument<TipView>>().ProducesValidationProblem();
        api.MapGet("/tips/whatif", WhatIfAsync).RequireRole(ApiRole.Reader).WithTags("Tips")
            .WithSummary("The balancer's plan now, per cluster, without acting (no tip is raised).")
            .Produces<WhatIfView>();
        api.MapGet("/tips/{id}", Get).RequireRole(ApiRole.Reader).WithTags("Tips")
            .WithSummary("One tip with its history (every status it went through, who or what moved it, when).")
            .Produces<TipView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/tips/{id}/implement", Implement).RequireRole(ApiRole.Operator).WithTags("Tips")
            .WithSummary("Implements an Active tip: 202 with the tip Initialized or Running while its action runs (follow it with GET), 200 when it ended at once (Failed: no executor).")
            .Produces<TipView>(StatusCodes.Status202Accepted).Produces<TipView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/tips/{id}/dismiss", Dismiss).RequireRole(ApiRole.Operator).WithTags("Tips")
            .WithSummary("Dismisses an Active tip.")
            .Produces<TipView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult List(HttpRequest request, EfTipStore store, HealthService health)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_listParameters));
        var status = query.OneOf("status", s_statuses);
        var target = query.Text("target");
        var paging = Paging.From(query);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var (items, total) = store.Query(new TipQuery(status, target, paging.Offset, paging.Limit));
        return TypedResults.Ok(new PageDocument<TipView>([.. items.Select(t => TipView.From(t, health.KnownNameOf))], total, paging.Offset, paging.Limit));
    }

    private static IResult Get(string id, TipLifecycle lifecycle, HealthService health) =>
        Act(() => TypedResults.Ok(TipView.From(lifecycle.Get(id), health.KnownNameOf, withHistory: true)));

    private static IResult Implement(string id, HttpContext http, ITipImplementer implementer, HealthService health) =>
        Act(() =>
        {
            var tip = implementer.Implement(id, ApiKeyAuthentication.ActorOf(http.User), automatic: false);
            var view = TipView.From(tip, health.KnownNameOf, withHistory: true);
            return tip.Status.IsFinal()
                ? TypedResults.Ok(view)
                : TypedResults.Accepted($"{ApiApplicationExtensions.BasePath}/tips/{tip.Id}", view);
        });

    private static IResult Dismiss(string id, HttpContext http, TipLifecycle lifecycle, HealthService health) =>
        Act(() => TypedResults.Ok(TipView.From(lifecycle.Dismiss(id, ApiKeyAuthentication.ActorOf(http.User)), health.KnownNameOf, withHistory: true)));

    private static async Task<IResult> WhatIfAsync(BalancerPlanner planner, CancellationToken ct) =>
        TypedResults.Ok(WhatIfView.From(await planner.PlanAsync(ct).ConfigureAwait(false)));

    private static IResult Act(Func<IResult> action)
    {
        try
        {
            return action();
        }
        catch (TipOperationException e) when (e.NotFound)
        {
            return ApiProblems.NotFound(e.Message);
        }
        catch (TipOperationException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }
}
