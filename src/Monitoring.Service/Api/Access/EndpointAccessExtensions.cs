using Microsoft.AspNetCore.Builder;
using Monitoring.Core.Access;

namespace Monitoring.Service.Api.Access;

/// <summary>The one way an endpoint states who may call it. Every endpoint the service maps calls exactly one
/// of these; one that calls none is admin-only (the fallback policy) and shows no role in the OpenAPI
/// document, which the access tests refuse.</summary>
internal static class EndpointAccessExtensions
{
    /// <summary>Needs an API key whose role is <paramref name="role"/> or higher: 401 without a valid key, 403 with a lower role.</summary>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, ApiRole role)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization(ApiKeyAuthentication.PolicyFor(role));
        return builder.WithMetadata(new EndpointAccess(role));
    }

    /// <summary>Open to anyone, key or not (probes, scrapes, the OpenAPI document).</summary>
    public static TBuilder AllowWithoutKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AllowAnonymous();
        return builder.WithMetadata(new EndpointAccess(null));
    }

    /// <summary>Open unless the configuration closes it; closed, it needs the reader role.</summary>
    public static TBuilder RequireKeyWhen<TBuilder>(this TBuilder builder, bool closed)
        where TBuilder : IEndpointConventionBuilder =>
        closed ? builder.RequireRole(ApiRole.Reader) : builder.AllowWithoutKey();
}
