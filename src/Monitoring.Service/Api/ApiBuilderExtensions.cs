using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Core.Access;
using Monitoring.Service.Api.Access;
using Monitoring.Service.Api.Http;
using Monitoring.Service.Configuration;
using Monitoring.Service.Hosting;

namespace Monitoring.Service.Api;

/// <summary>What the REST API adds to the service's host: key authentication, one policy per role, problem
/// details, strict JSON, the OpenAPI document, the body limit and TLS on the listener.</summary>
internal static class ApiBuilderExtensions
{
    public static WebApplicationBuilder AddMonitoringApi(this WebApplicationBuilder builder, LoadedConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var services = builder.Services;
        // The core only: AddAuthentication() would also bring in Data Protection (for cookies), which this
        // API does not use and which would write a key ring to the service account's home.
        services.AddAuthenticationCore(o => o.DefaultScheme = ApiKeyAuthentication.Scheme);
        services.AddWebEncoders();
        new AuthenticationBuilder(services).AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);

        // Each refused request would log two lines at Information; a flood of bad keys must not flood the log.
        builder.Logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning);
        services.AddAuthorization(options =>
        {
            foreach (var role in ApiRoles.All)
            {
                options.AddPolicy(ApiKeyAuthentication.PolicyFor(role), policy => policy
                    .RequireAuthenticatedUser()
                    .RequireAssertion(c => ApiKeyAuthentication.RoleOf(c.User) is { } held && ApiRoles.Satisfies(held, role)));
            }

            // An endpoint mapped without a rule is admin-only rather than open: forgetting a rule fails closed.
            // A path that matches no endpoint passes, so that it gets its 404 rather than a 401 or 403.
            options.FallbackPolicy = new AuthorizationPolicyBuilder()
                .RequireAssertion(c => (c.Resource is HttpContext http && http.GetEndpoint() is null)
                    || (ApiKeyAuthentication.RoleOf(c.User) is { } held && ApiRoles.Satisfies(held, ApiRole.Admin)))
                .Build();
        });
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
        });
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddOperationTransformer<AccessOperationTransformer>();
        });

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxRequestBodyBytes);
        ListenerTls.Apply(builder, configuration);
        return builder;
    }
}
