using System.Text;
using System.Text.RegularExpressions;

namespace Monitoring.Benchmarks;

/// <summary>Sits under the product's SOAP client and keeps a copy of every request it sends, in the order sent.</summary>
/// <remarks>Only used in the capture run, never in a measured one. Replies pass through untouched, except
/// that a <c>CreateContainerView</c> reply (a few hundred bytes) is read here to learn the view's id.</remarks>
internal sealed partial class CaptureHandler : DelegatingHandler
{
    private readonly List<CapturedRequest> _requests;

    public CaptureHandler(HttpMessageHandler inner, List<CapturedRequest> requests)
        : base(inner) => _requests = requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var method = MethodPattern().Match(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 1024))) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException("a request without a SOAP method");
        var soapAction = string.Join(",", request.Headers.GetValues("SOAPAction"));
        var index = Add(new CapturedRequest(method, soapAction, body, null));

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (method == "CreateContainerView")
        {
            var reply = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var view = ViewPattern().Match(Encoding.UTF8.GetString(reply)) is { Success: true } v
                ? v.Groups[1].Value
                : throw new InvalidOperationException("a CreateContainerView reply without a view");
            lock (_requests)
            {
                _requests[index] = _requests[index] with { CreatedView = view };
            }

            var headers = response.Content.Headers;
            response.Content = new ByteArrayContent(reply);
            foreach (var header in headers)
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return response;
    }

    /// <summary>The view id in a <c>CreateContainerView</c> reply.</summary>
    public static string? ViewOf(string reply) => ViewPattern().Match(reply) is { Success: true } v ? v.Groups[1].Value : null;

    private int Add(CapturedRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
            return _requests.Count - 1;
        }
    }

    [GeneratedRegex(@"<soapenv:Body><([A-Za-z_]+)")]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"<returnval[^>]*>([^<]+)</returnval>")]
    private static partial Regex ViewPattern();
}
