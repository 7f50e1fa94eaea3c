using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Settings;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.HealthHosting;

namespace Monitoring.Service.Api.Maintenance;

/// <summary><c>/api/v1/maintenance</c>: current and future windows (reader); set one, end one now (operator). During a
/// window the object's monitors keep recording, its alerts are held back and automatic remediation leaves it alone.</summary>
internal static class MaintenanceEndpoints
{
    /// <summary>The longest window the API sets: a month (longer ones belong in the configuration).</summary>
    private const int MaxDurationMinutes = 31 * 24 * 60;

    public static void MapMaintenance(this RouteGroupBuilder api)
    {
        api.MapGet("/maintenance", List).RequireRole(ApiRole.Reader).WithTags("Maintenance")
            .WithSummary("Maintenance windows now and to come, from the configuration and the API.")
            .Produces<IReadOnlyList<MaintenanceWindowView>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapPost("/maintenance", CreateAsync).RequireRole(ApiRole.Operator).WithTags("Maintenance")
            .WithSummary("Sets a window: { \"object\" or \"hostGroup\", \"from\"? (default now), \"to\" or \"durationMinutes\", \"reason\" }.")
            .Accepts<CreateMaintenanceRequest>("application/json")
            .Produces<MaintenanceWindowView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapDelete("/maintenance/{id}", End).RequireRole(ApiRole.Operator).WithTags("Maintenance")
            .WithSummary("Ends a window now. A window from the configuration cannot be ended here (409).")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult List(HttpRequest request, HealthService health, TimeProvider time)
    {
        var query = new QueryReader(request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var windows = health.Windows.Active(time.GetUtcNow());
        return TypedResults.Ok(windows.OrderBy(w => w.Start).ThenBy(w => w.Id, StringComparer.Ordinal).Select(MaintenanceWindowView.Of).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, HealthService health, TimeProvider time, CancellationToken ct)
    {
        var query = new QueryReader(http.Request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var (body, problem) = await JsonBody.ReadAsync<CreateMaintenanceRequest>(http, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if ((body!.ObjectId is null) == (body.HostGroup is null))
        {
            errors["object"] = ["object or hostGroup: give exactly one"];
        }

        var from = body.From ?? time.GetUtcNow();
        DateTimeOffset? to = body.To;
        if ((body.To is null) == (body.DurationMinutes is null))
        {
            errors["to"] = ["to or durationMinutes: give exactly one"];
        }
        else if (body.DurationMinutes is { } minutes)
        {
            if (minutes is < 1 or > MaxDurationMinutes)
            {
                errors["durationMinutes"] = [$"durationMinutes: 1 to {MaxDurationMinutes}"];
            }
            else
            {
                to = from.AddMinutes(minutes);
            }
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 1000)
        {
            errors["reason"] = ["reason: 1-1000 characters"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.BadRequest(errors);
        }

        if (health.Engine is not { } engine)
        {
            return TypedResults.Problem(detail: "the health engine is starting; try again in a moment", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }

        var scope = body.HostGroup is not null ? HostGroup.IdPrefix + body.HostGroup : body.ObjectId!;
        try
        {
            var window = engine.Maintenance.Schedule(scope, from, to!.Value, body.Reason!, ApiKeyAuthentication.ActorOf(http.User));
            return TypedResults.Created($"/api/v1/maintenance/{window.Id}", MaintenanceWindowView.Of(window));
        }
        catch (HealthSettingsException e)
        {
            return ApiProblems.BadRequest(body.HostGroup is not null ? "hostGroup" : "object", string.Join("; ", e.Errors));
        }
    }

    private static IResult End(string id, HttpRequest request, HealthService health)
    {
        var query = new QueryReader(request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        if (ConfiguredMaintenanceWindowStore.IsConfigured(id))
        {
            return ApiProblems.Conflict($"Window {id} comes from the configuration (Monitoring:Health:MaintenanceWindows); change it there.");
        }

        if (health.Engine is not { } engine)
        {
            return TypedResults.Problem(detail: "the health engine is starting; try again in a moment", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }

        return engine.Maintenance.End(id) ? TypedResults.NoContent() : ApiProblems.NotFound($"There is no maintenance window {id}.");
    }
}
