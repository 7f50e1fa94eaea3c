using Monitoring.Core.Access;

namespace Monitoring.Service.Api.Access;

/// <summary>Endpoint metadata: the role an endpoint needs, or none for an open endpoint.</summary>
/// <remarks>Set by <see cref="EndpointAccessExtensions"/>. The OpenAPI document shows it as
/// <c>x-required-role</c> on every operation, and the access tests walk the document by it.</remarks>
internal sealed record EndpointAccess(ApiRole? Role)
{
    /// <summary>What the OpenAPI document says for an open endpoint.</summary>
    public const string OpenName = "none";

    public string RoleName => Role is { } role ? ApiRoles.Name(role) : OpenName;
}
