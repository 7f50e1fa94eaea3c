namespace Monitoring.Service.Api.Alerts;

/// <summary>The body of <c>/comments</c>: <c>{ "text": "..." }</c>.</summary>
internal sealed record CommentRequest(string Text);
