using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Monitoring.Core.Access;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Api.Access;

/// <summary>Authenticates a request by its API key (<c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>),
/// checked against the database on every request, and answers 401 and 403 as problem details.</summary>
/// <remarks>No result is cached: a revoke is seen by the next request. The key never reaches a log, a
/// claim or a reply; only its name does.</remarks>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly ApiKeyStore _keys;

    public ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
        : base(options, logger, encoder)
    {
        _keys = keys;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (presented.Length == 0)
        {
            return AuthenticateResult.Fail("the API key header is empty");
        }

        var key = await _keys.AuthenticateAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            return AuthenticateResult.Fail("the API key is not valid or was revoked");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ApiKeyAuthentication.KeyNameClaim, key.Name), new Claim(ClaimTypes.Role, ApiRoles.Name(key.Role))],
            ApiKeyAuthentication.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyAuthentication.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var presented = PresentedKey(Request) is not null;
        var detail = presented
            ? "the API key is not valid or was revoked"
            : $"an API key is required: send 'Authorization: Bearer KEY' or '{ApiKeyAuthentication.HeaderName}: KEY'";
        await TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var required = Context.GetEndpoint()?.Metadata.GetMetadata<EndpointAccess>()?.Role ?? ApiRole.Admin;
        var held = ApiKeyAuthentication.RoleOf(Context.User);
        var detail = $"this endpoint needs the {ApiRoles.Name(required)} role; the key has {(held is { } h ? ApiRoles.Name(h) : "no role")}";
        await TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context).ConfigureAwait(false);
    }

    /// <summary>The key the request carries: null when it carries none, empty when a header is there but blank.</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyAuthentication.HeaderName, out var header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
    }
}
