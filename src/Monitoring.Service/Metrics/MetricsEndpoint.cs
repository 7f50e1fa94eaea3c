using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Monitoring.Service.Metrics;

/// <summary>GET /metrics: the last published values, in the format and encoding the scraper asks for.</summary>
/// <remarks>OpenMetrics when the <c>Accept</c> header names <c>application/openmetrics-text</c> (Prometheus
/// asks for it first), the Prometheus text format otherwise; gzip when <c>Accept-Encoding</c> allows it,
/// which shrinks a large estate's exposition about tenfold.</remarks>
internal static class MetricsEndpoint
{
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static async Task HandleAsync(HttpContext http, PrometheusExporter exporter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(exporter);
        var request = http.Request;
        var openMetrics = AcceptsMediaType(request.Headers.Accept, "application/openmetrics-text");
        var gzip = AcceptsEncoding(request.Headers.AcceptEncoding, "gzip");
        var response = http.Response;
        response.ContentType = openMetrics ? OpenMetricsContentType : TextContentType;
        response.Headers.Vary = "Accept, Accept-Encoding";
        if (!gzip)
        {
            await exporter.WriteAsync(response.Body, openMetrics, cancellationToken).ConfigureAwait(false);
            return;
        }

        response.Headers.ContentEncoding = "gzip";
        var compressed = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await using (compressed.ConfigureAwait(false))
        {
            await exporter.WriteAsync(compressed, openMetrics, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when the <c>Accept</c> header lists <paramref name="mediaType"/> with a quality above zero.</summary>
    private static bool AcceptsMediaType(StringValues header, string mediaType) =>
        MediaTypeHeaderValue.TryParseList(header, out var types) &&
        types.Any(t => t.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase) && (t.Quality ?? 1) > 0);

    /// <summary>True when the <c>Accept-Encoding</c> header lists <paramref name="encoding"/> with a quality above zero.</summary>
    private static bool AcceptsEncoding(StringValues header, string encoding) =>
        StringWithQualityHeaderValue.TryParseList(header, out var encodings) &&
        encodings.Any(e => e.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
}
