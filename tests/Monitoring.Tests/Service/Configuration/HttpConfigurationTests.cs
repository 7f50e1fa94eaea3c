using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Monitoring.Service.Configuration;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Configuration;

/// <summary><c>Monitoring:Http</c>: TLS files, URL schemes and the switches that close the open endpoints.</summary>
public sealed class HttpConfigurationTests : IDisposable
{
    private static readonly Dictionary<string, string?> s_noEnvironment = [];
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Load_TlsPairAndHttpsUrl_LoadsWithRelativePathsResolvedAgainstTheFile()
    {
        WritePemPair("tls/cert.pem", "tls/key.pem");
        var loaded = ConfigurationLoader.Load(WriteHttp(new { Urls = "https://127.0.0.1:8443", Tls = new { CertificateFile = "tls/cert.pem", KeyFile = "tls/key.pem" }, MetricsRequireKey = true }), s_noEnvironment);

        Assert.Equal("tls/cert.pem", loaded.Options.Http.Tls!.CertificateFile);
        Assert.True(loaded.Options.Http.MetricsRequireKey);
        Assert.False(loaded.Options.Http.HealthRequireKey);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8443", "Monitoring:Http:Urls: 'https://127.0.0.1:8443' needs a certificate")]
    [InlineData("ftp://127.0.0.1:8100", "Monitoring:Http:Urls: 'ftp://127.0.0.1:8100' is not an http:// or https:// URL")]
    public void Load_UrlWithoutMatchingTls_IsRefusedNamingTheKey(string url, string problem)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(WriteHttp(new { Urls = url }), s_noEnvironment));

        Assert.Contains(e.Problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_TlsWithAPlainHttpUrl_IsRefused()
    {
        WritePemPair("cert.pem", "key.pem");

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(WriteHttp(new { Urls = "http://127.0.0.1:8100", Tls = new { CertificateFile = "cert.pem", KeyFile = "key.pem" } }), s_noEnvironment));

        Assert.Contains(e.Problems, p => p.Contains("is plain HTTP while Monitoring:Http:Tls is set", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingKeyFile_NamesTheKeyAndThePath()
    {
        WritePemPair("cert.pem", "key.pem");

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(WriteHttp(new { Urls = "https://127.0.0.1:8443", Tls = new { CertificateFile = "cert.pem", KeyFile = "nokey.pem" } }), s_noEnvironment));

        Assert.Contains(e.Problems, p => p == $"Monitoring:Http:Tls:KeyFile: the file {_directory.Combine("nokey.pem")} does not exist");
    }

    [Fact]
    public void Load_KeyThatIsNotTheCertificatesKey_IsRefusedWithoutShowingIt()
    {
        WritePemPair("cert.pem", "key.pem");
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherKey = other.ExportPkcs8PrivateKeyPem();
        _directory.Write("other.pem", otherKey);

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(WriteHttp(new { Urls = "https://127.0.0.1:8443", Tls = new { CertificateFile = "cert.pem", KeyFile = "other.pem" } }), s_noEnvironment));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Monitoring:Http:Tls: the certificate", problem, StringComparison.Ordinal);
        Assert.Contains("do not load as a PEM pair", problem, StringComparison.Ordinal);
        var body = otherKey.Split('\n')[1];
        Assert.DoesNotContain(body, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CertificateWithoutKeyFile_SaysBothAreNeeded()
    {
        WritePemPair("cert.pem", "key.pem");

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(WriteHttp(new { Urls = "https://127.0.0.1:8443", Tls = new { CertificateFile = "cert.pem" } }), s_noEnvironment));

        Assert.Contains(e.Problems, p => p.StartsWith("Monitoring:Http:Tls:KeyFile: required when Monitoring:Http:Tls is set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MetricsRequireKey", "yes")]
    [InlineData("HealthRequireKey", "1")]
    public void Load_SwitchThatIsNotABoolean_IsRefusedNamingTheKey(string key, string value)
    {
        var path = _directory.Write("monitoring.json", $"{{\"Monitoring\":{{\"Http\":{{\"{key}\":\"{value}\"}}}}}}");

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, s_noEnvironment));

        Assert.Contains($"Monitoring:Http:{key}: '{value}' is not allowed; use true or false", e.Problems);
    }

    private string WriteHttp(object http) =>
        _directory.Write("monitoring.json", JsonSerializer.Serialize(new { Monitoring = new { Http = http } }));

    private void WritePemPair(string certificatePath, string keyPath)
    {
        using var certificate = TestCertificates.SelfSigned("127.0.0.1");
        _directory.Write(certificatePath, certificate.ExportCertificatePem());
        _directory.Write(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }
}
