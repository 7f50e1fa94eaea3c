using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Api.Audit;

/// <summary><c>GET /api/v1/audit</c> (admin): the audit trail, newest first.</summary>
internal static class AuditEndpoints
{
    private static readonly QueryParameter[] s_parameters =
    [
        new("actor", "Only entries of this actor, exactly (key:NAME, cli:USER or anonymous)."),
        new("action", "Only entries of this action, exactly (apikey.create, apikey.revoke, or METHOD /route)."),
        QueryParameter.Offset,
        QueryParameter.Limit,
    ];

    public static void MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ReadAsync).RequireRole(ApiRole.Admin).WithTags("Access")
            .WithSummary("The audit trail, newest first: every acting API call and every key created or revoked.")
            .WithQueryParameters(s_parameters)
            .Produces<PageDocument<AuditEntryDocument>>().ProducesValidationProblem();
    }

    private static async Task<IResult> ReadAsync(HttpRequest request, AuditTrail audit, CancellationToken ct)
    {
        var query = new QueryReader(request, QueryParameter.Names(s_parameters));
        var actor = query.Text("actor", 128);
        var action = query.Text("action", 128);
        var paging = Paging.From(query);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var (items, total) = await audit.ReadAsync(actor, action, paging.Offset, paging.Limit, ct).ConfigureAwait(false);
        var documents = items.Select(r => new AuditEntryDocument(r.Id, r.At, r.Actor, r.Action, r.Subject, r.Outcome, r.Status)).ToList();
        return TypedResults.Ok(new PageDocument<AuditEntryDocument>(documents, total, paging.Offset, paging.Limit));
    }
}
