namespace Monitoring.Service.Api.Alerts;

/// <summary>The optional body of <c>/acknowledge</c> and <c>/close</c>: <c>{ "comment": "..." }</c>.</summary>
internal sealed record AlertCommentRequest(string? Comment = null);
