using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;

namespace Monitoring.IntegrationTests.Api;

/// <summary>TLS on the listener from a PEM certificate and key, with <c>/metrics</c>, <c>/healthz</c> and
/// <c>/readyz</c> closed by configuration.</summary>
public sealed class ListenerTlsTests
{
    [Fact]
    public async Task Run_WithTlsAndClosedEndpoints_ServesTheCertificateAndAsksForKeysEverywhere()
    {
        using var workspace = new Workspace();
        using var certificate = SelfSigned();
        Directory.CreateDirectory(Path.Combine(workspace.Directory, "tls"));
        await File.WriteAllTextAsync(Path.Combine(workspace.Directory, "tls", "listener.crt"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(Path.Combine(workspace.Directory, "tls", "listener.key"), certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var port = ServiceProcess.FreePort();
        var url = new Uri($"https://127.0.0.1:{port}");
        workspace.WriteConfigDocument(new
        {
            Monitoring = new
            {
                Http = new
                {
                    Urls = url.ToString().TrimEnd('/'),
                    Tls = new { CertificateFile = "tls/listener.crt", KeyFile = "tls/listener.key" },
                    MetricsRequireKey = true,
                    HealthRequireKey = true,
                },
            },
        });
        var key = await workspace.CreateApiKeyAsync("prometheus", "reader");

        // Clients trust exactly this certificate (pinned), nothing else: a wrong certificate would fail the test.
        X509Certificate2? served = null;
        HttpClient Pinned(string? apiKey)
        {
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                served = presented is null ? null : new X509Certificate2(presented);
                return served is not null && served.RawData.AsSpan().SequenceEqual(certificate.RawData);
            };
            var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
            if (apiKey is not null)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            return client;
        }

        using var anonymous = Pinned(apiKey: null);
        await using var service = await ServiceProcess.StartAsync(workspace.Directory, workspace.ConfigPath, url, http: Pinned(key));

        Assert.Equal(certificate.Thumbprint, served!.Thumbprint);
        Assert.Contains($"listener: TLS with the certificate CN=127.0.0.1 (SHA-256 {certificate.GetCertHashString(HashAlgorithmName.SHA256)})", service.Stderr, StringComparison.Ordinal);
        foreach (var path in new[] { "/metrics", "/healthz", "/readyz", "/api/v1/hosts" })
        {
            using var withKey = await service.Http.GetAsync(new Uri(url, path));
            Assert.True(withKey.StatusCode == HttpStatusCode.OK, $"{path} with a reader key: {(int)withKey.StatusCode}");
            using var without = await anonymous.GetAsync(new Uri(url, path));
            Assert.True(without.StatusCode == HttpStatusCode.Unauthorized, $"{path} without a key: {(int)without.StatusCode}");
        }

        Assert.Contains("virt_", await service.GetAsync("/metrics"), StringComparison.Ordinal);
        using var document = await anonymous.GetAsync(new Uri(url, "/openapi/v1.json"));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);

        // Plain HTTP on the TLS port gets no answer from the API.
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var attempt = await Record.ExceptionAsync(async () =>
        {
            using var response = await plain.GetAsync(new Uri($"http://127.0.0.1:{port}/api/v1/hosts"));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        });
        Assert.True(attempt is null or HttpRequestException, attempt?.ToString());

        // A client that verifies the usual way (no pin, the machine's trust store) refuses the self-signed certificate.
        using var verifying = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => verifying.GetAsync(new Uri(url, "/healthz")));
        Assert.Equal(HttpRequestError.SecureConnectionError, refused.HttpRequestError);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
