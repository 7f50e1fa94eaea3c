namespace Monitoring.Service.Api.Alerts;

/// <summary>The body of <c>/resolution-state</c>: <c>{ "state": 2-255, "comment": "..." }</c>.</summary>
internal sealed record ResolutionStateRequest(int State, string? Comment = null);
