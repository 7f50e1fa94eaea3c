using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.Collection;
using Monitoring.Service.Scheduling;

namespace Monitoring.Service.Api.Collectors;

/// <summary><c>GET /api/v1/collectors</c>: per configured target, the latest inventory and realtime pass.</summary>
internal static class CollectorEndpoints
{
    public static void MapCollectors(this RouteGroupBuilder api)
    {
        api.MapGet("/collectors", List).RequireRole(ApiRole.Reader).WithTags("Collectors")
            .WithSummary("Collector status per configured target: the latest inventory and realtime pass, its error, and the last success.")
            .Produces<IReadOnlyList<CollectorDocument>>().ProducesValidationProblem();
    }

    private static IResult List(HttpRequest request, TargetDirectory targets, CollectorStatus status)
    {
        var query = new QueryReader(request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var latest = status.Latest().ToDictionary(o => (o.Target, o.Kind));
        var documents = targets.All.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new CollectorDocument(
            t.Name,
            t.Kind.ToString(),
            t.Address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped), // never user info
            [.. Enum.GetValues<PassKind>().Select(kind =>
            {
                var outcome = latest.GetValueOrDefault((t.Name, kind));
                return new PassDocument(
                    kind.ToString().ToLowerInvariant(),
                    outcome?.Succeeded,
                    outcome?.FinishedAt,
                    outcome?.Duration.TotalSeconds,
                    outcome?.Failure?.ToString(),
                    outcome?.Error,
                    status.LastSuccess(t.Name, kind),
                    outcome?.Gaps ?? []);
            })])).ToList();
        return TypedResults.Ok(documents);
    }
}
