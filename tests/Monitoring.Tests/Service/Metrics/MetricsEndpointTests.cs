using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Monitoring.Service.Metrics;
using Xunit;

namespace Monitoring.Tests.Service.Metrics;

public sealed class MetricsEndpointTests
{
    [Theory]
    [InlineData(null, null, "text/plain; version=0.0.4; charset=utf-8", false)]
    [InlineData("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1", "gzip", "application/openmetrics-text; version=1.0.0; charset=utf-8", true)]
    [InlineData("text/plain", "gzip, deflate", "text/plain; version=0.0.4; charset=utf-8", true)]
    [InlineData("application/openmetrics-text;q=0, text/plain", "gzip;q=0", "text/plain; version=0.0.4; charset=utf-8", false)]
    public async Task Handle_AcceptHeaders_ServesTheFormatAndEncodingAsked(string? accept, string? acceptEncoding, string contentType, bool gzip)
    {
        var (exporter, _) = SampleEstate.Published();
        var http = new DefaultHttpContext();
        http.Request.Headers.Accept = accept;
        http.Request.Headers.AcceptEncoding = acceptEncoding;
        using var body = new MemoryStream();
        http.Response.Body = body;

        await MetricsEndpoint.HandleAsync(http, exporter, CancellationToken.None);

        Assert.Equal(contentType, http.Response.ContentType);
        Assert.Equal(gzip ? "gzip" : null, http.Response.Headers.ContentEncoding.ToString() is { Length: > 0 } e ? e : null);
        var bytes = body.ToArray();
        var text = gzip ? Gunzip(bytes) : Encoding.UTF8.GetString(bytes);
        Assert.Contains("virt_vm_power_state{target=\"vc1\",id=\"vc1/vm-10\",vm=\"web-01\",cluster=\"Prod\",hypervisor=\"esx\"} 1", text, StringComparison.Ordinal);
        Assert.Equal(contentType.StartsWith("application/openmetrics-text", StringComparison.Ordinal), text.EndsWith("# EOF\n", StringComparison.Ordinal));
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
