using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Monitoring.Service.Api.Access;

/// <summary>Writes each operation's access rule into the OpenAPI document: <c>x-required-role</c>
/// (<c>reader</c>, <c>operator</c>, <c>admin</c> or <c>none</c>), the security requirement, the 401 and 403
/// replies, and a line in the description.</summary>
internal sealed class AccessOperationTransformer : IOpenApiOperationTransformer
{
    public const string RoleExtension = "x-required-role";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var access = context.Description.ActionDescriptor.EndpointMetadata.OfType<EndpointAccess>().LastOrDefault();
        if (access is null)
        {
            // No rule: the fallback policy makes it admin-only, and the document says nothing, which the tests refuse.
            return Task.CompletedTask;
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[RoleExtension] = new JsonNodeExtension(JsonValue.Create(access.RoleName));
        var line = access.Role is null ? "Access: open (no API key needed)." : $"Access: an API key with the {access.RoleName} role or higher.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? line : operation.Description + "\n\n" + line;
        if (access.Role is null)
        {
            return Task.CompletedTask;
        }

        var document = context.Document;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.Scheme, document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd(StatusCodes.Status401Unauthorized.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = "No API key, or one that is not valid or was revoked (problem details)." });
        operation.Responses.TryAdd(StatusCodes.Status403Forbidden.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = $"The key's role is below {access.RoleName} (problem details)." });
        return Task.CompletedTask;
    }
}
