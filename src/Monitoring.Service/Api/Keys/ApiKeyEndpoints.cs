using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Access;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Api.Keys;

/// <summary><c>/api/v1/apikeys</c> (admin): list, create and revoke keys, the same as <c>monitoring apikey</c>.</summary>
internal static class ApiKeyEndpoints
{
    public static void MapApiKeys(this RouteGroupBuilder api)
    {
        api.MapGet("/apikeys", ListAsync).RequireRole(ApiRole.Admin).WithTags("Access")
            .WithSummary("Every API key, live and revoked: name, role, who created or revoked it and when. Never the key.")
            .Produces<IReadOnlyList<ApiKeyDocument>>().ProducesValidationProblem();
        api.MapPost("/apikeys", CreateAsync).RequireRole(ApiRole.Admin).WithTags("Access")
            .WithSummary("Creates a key. Body { \"name\", \"role\": reader | operator | admin }. The reply holds the key, shown this once.")
            .Accepts<CreateApiKeyRequest>("application/json")
            .Produces<CreatedApiKeyDocument>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapDelete("/apikeys/{name}", RevokeAsync).RequireRole(ApiRole.Admin).WithTags("Access")
            .WithSummary("Revokes the live key of that name; the next request that carries it gets 401.")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ApiKeyStore keys, CancellationToken ct)
    {
        var query = new QueryReader(request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var list = await keys.ListAsync(ct).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(k => new ApiKeyDocument(k.Name, ApiRoles.Name(k.Role), k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy)).ToList());
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiKeyStore keys, ILogger<ApiKeyStore> logger, CancellationToken ct)
    {
        var query = new QueryReader(http.Request);
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var (body, problem) = await JsonBody.ReadAsync<CreateApiKeyRequest>(http, ct).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!ApiKeyStore.IsValidName(body!.Name))
        {
            return ApiProblems.BadRequest("name", $"name: {ApiKeyStore.NameRule}");
        }

        if (!ApiRoles.TryParse(body.Role, out var role))
        {
            return ApiProblems.BadRequest("role", "role: reader, operator or admin");
        }

        var actor = ApiKeyAuthentication.ActorOf(http.User);
        try
        {
            var key = await keys.CreateAsync(body.Name, role, actor, ct).ConfigureAwait(false);
            var roleName = ApiRoles.Name(role);
            ApiLog.KeyCreated(logger, body.Name, roleName, actor);
            return TypedResults.Created($"/api/v1/apikeys/{body.Name}", new CreatedApiKeyDocument(body.Name, roleName, key));
        }
        catch (ApiKeyException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    private static async Task<IResult> RevokeAsync(string name, HttpContext http, ApiKeyStore keys, ILogger<ApiKeyStore> logger, CancellationToken ct)
    {
        var query = new QueryReader(http.Request);
        if (!ApiKeyStore.IsValidName(name))
        {
            query.Fail("name", $"name: {ApiKeyStore.NameRule}");
        }

        if (query.HasErrors)
        {
            return query.Problem();
        }

        var actor = ApiKeyAuthentication.ActorOf(http.User);
        try
        {
            await keys.RevokeAsync(name, actor, ct).ConfigureAwait(false);
            ApiLog.KeyRevoked(logger, name, actor);
            return TypedResults.NoContent();
        }
        catch (ApiKeyNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }
    }
}
