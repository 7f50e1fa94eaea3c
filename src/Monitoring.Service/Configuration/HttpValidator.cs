using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Monitoring.Core.Configuration;

namespace Monitoring.Service.Configuration;

/// <summary>Checks <c>Monitoring:Http</c>: the URLs' schemes against the TLS setting, and that the certificate
/// and key load, so a bad file stops start-up with its key named instead of failing at the first connection.</summary>
internal static class HttpValidator
{
    private const string Key = "Monitoring:Http";

    public static void Validate(HttpOptions http, string baseDirectory, List<string> problems)
    {
        var urls = http.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tls = http.Tls is { } t && (t.CertificateFile is not null || t.KeyFile is not null);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{Key}:Urls: '{url}' is not an http:// or https:// URL");
            }
            else if (tls && uri.Scheme == Uri.UriSchemeHttp)
            {
                problems.Add($"{Key}:Urls: '{url}' is plain HTTP while {Key}:Tls is set; use https:// URLs");
            }
            else if (!tls && uri.Scheme == Uri.UriSchemeHttps)
            {
                problems.Add($"{Key}:Urls: '{url}' needs a certificate; set {Key}:Tls:CertificateFile and {Key}:Tls:KeyFile");
            }
        }

        if (tls)
        {
            ValidateTls(http.Tls!, baseDirectory, problems);
        }
    }

    /// <summary>Loads the pair the way the listener will. Messages name the file, never the key's content.</summary>
    public static X509Certificate2? LoadCertificate(TlsOptions tls, string baseDirectory, List<string> problems)
    {
        var certificate = ResolveFile(tls.CertificateFile, $"{Key}:Tls:CertificateFile", baseDirectory, problems);
        var key = ResolveFile(tls.KeyFile, $"{Key}:Tls:KeyFile", baseDirectory, problems);
        if (certificate is null || key is null)
        {
            return null;
        }

        try
        {
            var loaded = X509Certificate2.CreateFromPemFile(certificate, key);
            if (!loaded.HasPrivateKey)
            {
                problems.Add($"{Key}:Tls:KeyFile: {key} holds no private key for the certificate");
                return null;
            }

            return loaded;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            problems.Add($"{Key}:Tls: the certificate {certificate} and key {key} do not load as a PEM pair ({e.Message})");
            return null;
        }
    }

    private static void ValidateTls(TlsOptions tls, string baseDirectory, List<string> problems)
    {
        using var certificate = LoadCertificate(tls, baseDirectory, problems);
    }

    private static string? ResolveFile(string? path, string key, string baseDirectory, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{key}: required when {Key}:Tls is set (a PEM file)");
            return null;
        }

        var full = Path.GetFullPath(path, baseDirectory);
        if (!File.Exists(full))
        {
            problems.Add($"{key}: the file {full} does not exist");
            return null;
        }

        return full;
    }
}
