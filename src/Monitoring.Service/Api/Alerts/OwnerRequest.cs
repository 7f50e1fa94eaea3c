namespace Monitoring.Service.Api.Alerts;

/// <summary>The body of <c>/owner</c>: <c>{ "owner": "..." }</c>.</summary>
internal sealed record OwnerRequest(string Owner);
