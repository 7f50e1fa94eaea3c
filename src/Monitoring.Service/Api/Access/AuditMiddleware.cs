using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Monitoring.Storage.Access;

namespace Monitoring.Service.Api.Access;

/// <summary>Records every acting API call (any method but GET, HEAD and OPTIONS under <c>/api/</c>) in the
/// audit trail once it has been answered: who (the key's name), what (method and route), when, and the result,
/// including calls refused for a missing key or a bad body.</summary>
/// <remarks>Runs outside authentication so that refused calls are recorded too. The subject is the request
/// path without its query string; neither the body nor any header is recorded.</remarks>
internal sealed partial class AuditMiddleware
{
    private readonly RequestDelegate _next;

    public AuditMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context, AuditTrail audit, TimeProvider time, ILogger<AuditMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsActing(context.Request))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var at = time.GetUtcNow();
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await _next(context).ConfigureAwait(false);
            status = context.Response.StatusCode;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var entry = AuditTrail.Entry(at, ApiKeyAuthentication.ActorOf(context.User), $"{context.Request.Method} {route}", Redact(context.Request.Path.Value), OutcomeOf(status), status);
            try
            {
                // Not the request's token: a caller that hangs up must not erase its trace.
                await audit.RecordAsync(entry, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                ApiLog.AuditFailed(logger, entry.Action, e.Message);
            }
        }
    }

    /// <summary>A key pasted into a path (say, as the name to revoke) must not land in the trail, which admins read.</summary>
    private static string? Redact(string? path) => path is null ? null : KeyLike().Replace(path, "vmk_(redacted)");

    [GeneratedRegex("vmk_[A-Za-z0-9_-]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KeyLike();

    private static bool IsActing(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);

    private static string OutcomeOf(int status) => status switch
    {
        < 400 => AuditTrail.Succeeded,
        StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => AuditTrail.Denied,
        < 500 => AuditTrail.Refused,
        _ => AuditTrail.Failed,
    };
}
