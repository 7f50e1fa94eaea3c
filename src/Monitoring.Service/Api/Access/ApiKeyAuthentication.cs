using System.Security.Claims;
using Monitoring.Core.Access;

namespace Monitoring.Service.Api.Access;

/// <summary>The names the API-key scheme uses: scheme, header, claims and one policy per role.</summary>
internal static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The header that carries a key; <c>Authorization: Bearer KEY</c> works too.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The claim holding the key's name (never the key).</summary>
    public const string KeyNameClaim = "monitoring:key";

    public static string PolicyFor(ApiRole role) => "role:" + ApiRoles.Name(role);

    /// <summary>Who made a request, for the audit trail: <c>key:NAME</c>, or <c>anonymous</c>.</summary>
    public static string ActorOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = user.FindFirst(KeyNameClaim)?.Value;
        return name is null ? "anonymous" : "key:" + name;
    }

    /// <summary>The role of an authenticated key, or null.</summary>
    public static ApiRole? RoleOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ApiRoles.TryParse(user.FindFirst(ClaimTypes.Role)?.Value, out var role) ? role : null;
    }
}
