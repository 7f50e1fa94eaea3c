using Monitoring.Core.Collection;
using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Monitoring.Sources.VSphere.Client;

namespace Monitoring.Benchmarks;

/// <summary>The raw floor: the product's request bodies, prebuilt, sent in the same order over the same
/// transport settings by a bare <see cref="HttpClient"/> that reads every reply to its end and parses nothing.</summary>
/// <remarks>What no client of this server can beat: the server's own time plus moving the bytes. The only
/// reply it looks into is <c>CreateContainerView</c>'s (a few hundred bytes), for the new view's id.</remarks>
internal sealed class FloorRun : IDisposable
{
    private const string SessionCookie = "vmware_soap_session=";

    private static readonly MediaTypeHeaderValue s_contentType = new("text/xml") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _url;
    private string? _cookie;

    public FloorRun(Uri url, string thumbprint)
    {
        // The product's handler (same TLS pinning, decompression and pooling), so only the client differs.
        var pin = Convert.FromHexString(thumbprint.Replace(":", string.Empty, StringComparison.Ordinal));
        _http = new HttpClient(VimHttpHandler.Create(new CertificatePolicy(pin), TimeSpan.FromSeconds(30)), disposeHandler: true) { Timeout = TimeSpan.FromMinutes(5) };
        _url = url;
    }

    /// <summary>Sends the script; QueryPerf runs of consecutive requests keep up to
    /// <paramref name="queryPerfInFlight"/> in flight, issued in script order, as the product does.</summary>
    /// <returns>Reply bytes read.</returns>
    public async Task<long> RunAsync(FloorScript script, int queryPerfInFlight, CancellationToken cancellationToken)
    {
        var views = new string[script.Views];
        var created = 0;
        long bytes = 0;
        var inFlight = new Queue<Task<long>>();
        foreach (var request in script.Requests)
        {
            if (request.Method != "QueryPerf" || queryPerfInFlight <= 1)
            {
                while (inFlight.Count > 0)
                {
                    bytes += await inFlight.Dequeue().ConfigureAwait(false);
                }
            }

            var body = request.ViewSlot < 0 ? request.Body : [.. request.Body, .. Encoding.UTF8.GetBytes(views[request.ViewSlot]), .. request.AfterView!];
            if (request.CreatesView)
            {
                var reply = await SendAsync(request.SoapAction, body, readView: true, cancellationToken).ConfigureAwait(false);
                views[created++] = CaptureHandler.ViewOf(reply.View!) ?? throw new InvalidOperationException("CreateContainerView returned no view");
                bytes += reply.Bytes;
                continue;
            }

            if (request.Method == "QueryPerf" && queryPerfInFlight > 1)
            {
                if (inFlight.Count == queryPerfInFlight)
                {
                    bytes += await inFlight.Dequeue().ConfigureAwait(false);
                }

                inFlight.Enqueue(SendCountingAsync(request.SoapAction, body, cancellationToken));
                continue;
            }

            bytes += (await SendAsync(request.SoapAction, body, readView: false, cancellationToken).ConfigureAwait(false)).Bytes;
        }

        while (inFlight.Count > 0)
        {
            bytes += await inFlight.Dequeue().ConfigureAwait(false);
        }

        return bytes;
    }

    public void Dispose() => _http.Dispose();

    private async Task<long> SendCountingAsync(string soapAction, byte[] body, CancellationToken cancellationToken) =>
        (await SendAsync(soapAction, body, readView: false, cancellationToken).ConfigureAwait(false)).Bytes;

    private async Task<(long Bytes, string? View)> SendAsync(string soapAction, byte[] body, bool readView, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = s_contentType;
        request.Headers.TryAddWithoutValidation("SOAPAction", soapAction);
        if (_cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", _cookie);
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith(SessionCookie, StringComparison.Ordinal)) is { } cookie)
        {
            _cookie = cookie.Split(';')[0];
        }

        // A fault (HTTP 500) would mean the replay asks something else than the product did: not a floor.
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the floor's request got HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }

        if (readView)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return (text.Length, text);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return (total, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
