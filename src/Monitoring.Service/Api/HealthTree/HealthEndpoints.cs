using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.HealthModel;
using Monitoring.HealthModel.Model;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.HealthHosting;

namespace Monitoring.Service.Api.HealthTree;

/// <summary><c>/api/v1/health</c> (reader): every object of the health tree with its rolled-up state, one object with its
/// monitors, and the state history. Answers 503 until the engine is built (a moment after start).</summary>
internal static class HealthEndpoints
{
    private static readonly IReadOnlyDictionary<string, HealthObjectKind> s_kinds = new Dictionary<string, HealthObjectKind>(StringComparer.Ordinal)
    {
        ["estate"] = HealthObjectKind.Estate,
        ["hostGroup"] = HealthObjectKind.HostGroup,
        ["target"] = HealthObjectKind.Target,
        ["cluster"] = HealthObjectKind.Cluster,
        ["host"] = HealthObjectKind.Host,
        ["vm"] = HealthObjectKind.Vm,
        ["datastore"] = HealthObjectKind.Datastore,
    };

    private static readonly string[] s_states = ["healthy", "warning", "critical", "unknown"];

    private static readonly QueryParameter[] s_listParameters =
    [
        new("kind", "estate, hostGroup, target, cluster, host, vm or datastore."),
        new("state", "healthy, warning, critical or unknown."),
        QueryParameter.Offset,
        QueryParameter.Limit,
    ];

    private static readonly QueryParameter[] s_historyParameters =
    [
        new("object", "One object's changes (an inventory id, group:NAME, target:NAME or estate); all when absent."),
        new("from", "Changes at or after this ISO 8601 time. Default: 24 hours ago."),
        new("max", "At most this many changes, 1-10000, oldest first. Default 1000."),
    ];

    public static void MapHealth(this RouteGroupBuilder api)
    {
        api.MapGet("/health", List).RequireRole(ApiRole.Reader).WithTags("Health")
            .WithSummary("Every object of the health tree with its rolled-up state, worst first.")
            .WithQueryParameters(s_listParameters).Produces<PageDocument<HealthObjectView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/health/history", History).RequireRole(ApiRole.Reader).WithTags("Health")
            .WithSummary("State changes, oldest first: unit monitors and rolled-up states (monitor null), with their causes.")
            .WithQueryParameters(s_historyParameters).ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/health/{**id}", GetOne).RequireRole(ApiRole.Reader).WithTags("Health")
            .WithSummary("One object's health: rolled-up state and cause, its monitors, its parent.")
            .Produces<HealthObjectView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult List(HttpRequest request, HealthService health)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_listParameters));
        var kind = query.OneOf("kind", s_kinds);
        var state = query.Matching("state", s => s_states.Contains(s, StringComparer.Ordinal), string.Join(", ", s_states));
        var paging = Paging.From(query);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (health.Engine is not { } engine)
        {
            return NotReady();
        }

        var views = engine.Objects()
            .Where(o => kind is null || o.Kind == kind)
            .Select(o => View(engine, health, o))
            .Where(v => state is null || v.State == state)
            .OrderBy(v => Array.IndexOf(s_states, v.State) is var i && i == 2 ? 0 : i == 1 ? 1 : i == 3 ? 2 : 3)
            .ThenBy(v => v.ObjectId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new PageDocument<HealthObjectView>([.. views.Skip(paging.Offset).Take(paging.Limit)], views.Count, paging.Offset, paging.Limit));
    }

    private static IResult GetOne(string id, HttpRequest request, HealthService health)
    {
        var query = new QueryReader(request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (health.Engine is not { } engine)
        {
            return NotReady();
        }

        if (engine.Find(id) is not { } obj)
        {
            return ApiProblems.NotFound($"\"{id}\" is not in the health tree (an inventory id, group:NAME, target:NAME or estate).");
        }

        var view = engine.HealthOf(obj.Id);
        return TypedResults.Ok(View(engine, health, obj) with
        {
            Parent = obj.ParentId,
            Monitors = [.. view.Monitors.Select(m => new MonitorStateView(m.Monitor, HealthStates.ContractName(m.Shown), m.Since, CauseOf(engine, obj.Id, m.Monitor), m.Flapping))],
        });
    }

    private static IResult History(HttpRequest request, HealthService health, TimeProvider time)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_historyParameters));
        var objectId = query.Text("object");
        var from = query.Time("from") ?? time.GetUtcNow().AddHours(-24);
        var max = query.Integer("max", 1000, 1, 10_000);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (health.Engine is not { } engine)
        {
            return NotReady();
        }

        var items = engine.History(objectId, from, max)
            .Select(c => new StateChangeView(c.ObjectId, c.Monitor, HealthStates.ContractName(c.From), HealthStates.ContractName(c.To), c.At, c.Cause, c.InMaintenance))
            .ToList();
        return TypedResults.Ok(new { items });
    }

    private static HealthObjectView View(HealthEngine engine, HealthService health, HealthObject obj)
    {
        var view = engine.HealthOf(obj.Id);
        var kind = s_kinds.First(k => k.Value == obj.Kind).Key;
        return new HealthObjectView(obj.Id, kind, health.NameOf(obj.Id), HealthStates.ContractName(view.Health.State), view.Maintenance.InMaintenance, engine.RolledSince(obj.Id))
        {
            Cause = view.Health.Cause,
        };
    }

    /// <summary>The latest recorded cause of the monitor's state (the history keeps it; the monitor itself does not).</summary>
    private static string? CauseOf(HealthEngine engine, string objectId, string monitor) =>
        engine.History(objectId, DateTimeOffset.MinValue, 10_000).LastOrDefault(c => c.Monitor == monitor)?.Cause;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotReady() =>
        TypedResults.Problem(detail: "the health engine is starting; try again in a moment", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
}
