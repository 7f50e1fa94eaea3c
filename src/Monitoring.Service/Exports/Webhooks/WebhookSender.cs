using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Monitoring.Service.Exports.Webhooks;

/// <summary>Sends one alert change to one webhook, signed; never throws for a failed attempt: it says why, without
/// the secret or the body.</summary>
internal sealed class WebhookSender : IDisposable
{
    public const string SequenceHeader = "X-Monitoring-Sequence";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly WebhookSettings _settings;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly byte[] _key;

    public WebhookSender(WebhookSettings settings, TimeProvider time, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _time = time;
        _key = Encoding.UTF8.GetBytes(settings.Secret.Reveal());

        // TLS is verified by the system's trust store; there is no setting that skips it.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The body for a change: the change's JSON document.</summary>
    public static byte[] Body(AlertChangeDocument change) => JsonSerializer.SerializeToUtf8Bytes(change, s_json);

    /// <summary>One attempt; null when the receiver answered 2xx, else why not.</summary>
    public async Task<string?> SendAsync(AlertChangeDocument change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var body = Body(change);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.Url) { Content = content };

        // Signed at each attempt, so a retry carries a fresh timestamp that passes the receiver's age check.
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Create(_key, _time.GetUtcNow(), body));
        request.Headers.TryAddWithoutValidation(SequenceHeader, change.Sequence.ToString(CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {_settings.Timeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}";
        }
    }

    public void Dispose() => _http.Dispose();
}
