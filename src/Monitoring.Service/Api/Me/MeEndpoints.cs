using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitoring.Core.Access;
using Monitoring.Service.Api.Access;

namespace Monitoring.Service.Api.Me;

/// <summary><c>GET /api/v1/me</c>: who the caller's key is, so that a client (the web console) can offer only
/// the actions the key's role allows. The server still checks every action's role itself.</summary>
internal static class MeEndpoints
{
    public static void MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Get).RequireRole(ApiRole.Reader).WithTags("Access")
            .WithSummary("The calling key's name and role (reader, operator or admin).")
            .Produces<MeDocument>();
    }

    private static IResult Get(HttpContext context)
    {
        var user = context.User;
        var name = user.FindFirst(ApiKeyAuthentication.KeyNameClaim)?.Value;
        var role = ApiKeyAuthentication.RoleOf(user);

        // The reader policy has already required an authenticated key with a role; this is only the compiler's due.
        return name is null || role is null
            ? TypedResults.Problem(detail: "an API key is required", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
            : TypedResults.Ok(new MeDocument(name, ApiRoles.Name(role.Value)));
    }
}
