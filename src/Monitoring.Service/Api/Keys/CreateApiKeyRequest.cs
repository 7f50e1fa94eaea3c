namespace Monitoring.Service.Api.Keys;

/// <summary>The body of <c>POST /api/v1/apikeys</c>: <c>{ "name": "grafana", "role": "reader" }</c>. Nothing else is accepted.</summary>
internal sealed record CreateApiKeyRequest
{
    public required string Name { get; init; }

    public required string Role { get; init; }
}
