using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Monitoring.Remediation.Actions;
using Monitoring.Remediation.Tips;
using Monitoring.Service.Api.Tips;
using Monitoring.Service.Exports.Webhooks;

namespace Monitoring.Service.Remediation.Hooks;

/// <summary>Runs a <see cref="WebHook"/>: POSTs the tip's JSON, signed exactly as the alert webhooks are
/// (<see cref="WebhookSignature"/>: <c>X-Monitoring-Signature: t=UNIX_SECONDS,v1=HEX</c>), within the hook's timeout.
/// A 2xx answer resolves the tip; anything else fails it with the status. One attempt: an operator implements again.</summary>
/// <remarks>TLS is verified by the system's trust store (no setting skips it) and redirects are not followed, so the
/// signed tip goes only to the configured URL.</remarks>
internal sealed class WebHookExecutor : ITipActionExecutor, IDisposable
{
    public const string HookHeader = "X-Monitoring-Hook";
    public const string TipHeader = "X-Monitoring-Tip";

    private readonly HookCatalog _hooks;
    private readonly IObjectNames _names;
    private readonly TimeProvider _time;
    private readonly ILogger<WebHookExecutor> _logger;
    private readonly HttpClient _http;

    public WebHookExecutor(HookCatalog hooks, IObjectNames names, TimeProvider time, ILogger<WebHookExecutor> logger)
    {
        _hooks = hooks;
        _names = names;
        _time = time;
        _logger = logger;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public bool CanExecute(Tip tip) => _hooks.For(tip) is WebHook;

    public async Task<TipActionOutcome> ExecuteAsync(Tip tip, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tip);
        ArgumentNullException.ThrowIfNull(progress);
        if (_hooks.For(tip) is not WebHook hook)
        {
            return TipActionOutcome.Failure("the tip names no webhook hook of the configuration");
        }

        HookLog.WebhookPosting(_logger, hook.Name, tip.Id, hook.Url);
        progress($"hook {hook.Name}: posting to {hook.Url.GetLeftPart(UriPartial.Authority)}");
        var outcome = await PostAsync(hook, tip, cancellationToken).ConfigureAwait(false);
        HookLog.Finished(_logger, hook.Name, tip.Id, outcome.Succeeded ? "succeeded" : "failed", outcome.Result);
        return outcome;
    }

    public void Dispose() => _http.Dispose();

    private async Task<TipActionOutcome> PostAsync(WebHook hook, Tip tip, CancellationToken cancellationToken)
    {
        var body = await HookPayload.SerializeAsync(tip, _names, cancellationToken).ConfigureAwait(false);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Create(Encoding.UTF8.GetBytes(hook.Secret.Reveal()), _time.GetUtcNow(), body));
        request.Headers.TryAddWithoutValidation(HookHeader, hook.Name);
        request.Headers.TryAddWithoutValidation(TipHeader, tip.Id);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(hook.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}").TrimEnd();
            return response.IsSuccessStatusCode ? TipActionOutcome.Success(status) : TipActionOutcome.Failure(status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TipActionOutcome.Failure(string.Create(CultureInfo.InvariantCulture, $"timed out after {hook.Timeout.TotalSeconds:0}s"));
        }
        catch (HttpRequestException e)
        {
            return TipActionOutcome.Failure(e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}");
        }
    }
}
