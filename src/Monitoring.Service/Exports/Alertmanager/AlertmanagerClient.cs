using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Service.Exports.Alertmanager;

/// <summary>Posts alerts to one or more Alertmanagers (<c>POST /api/v2/alerts</c>). Never throws for a failed push:
/// it says what went wrong, without the credentials.</summary>
internal sealed class AlertmanagerClient : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly AlertmanagerSettings _settings;

    public AlertmanagerClient(AlertmanagerSettings settings, HttpMessageHandler? handler = null)
    {
        _settings = settings;

        // TLS is verified by the system's trust store (SSL_CERT_FILE honoured); there is no setting that skips it.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Posts <paramref name="alerts"/> to <paramref name="baseUrl"/>; null on success, else why not.</summary>
    public async Task<string?> PostAsync(Uri baseUrl, IReadOnlyList<PostableAlert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, AlertsUrl(baseUrl)) { Content = JsonContent.Create(alerts, options: s_json) };
        if (_settings.Authorization is { } authorization)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization.Reveal());
        }

        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
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

    /// <summary>The v2 alerts endpoint under the base URL (which may carry a path prefix, e.g. behind a proxy).</summary>
    public static Uri AlertsUrl(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var builder = new UriBuilder(baseUrl) { Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/') + "/api/v2/alerts";
        return builder.Uri;
    }

    public void Dispose() => _http.Dispose();
}
