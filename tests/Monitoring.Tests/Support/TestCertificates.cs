using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Tests.Support;

/// <summary>Self-signed server certificates made on the spot, and their SHA-256 as operators write it.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 SelfSigned(string hostName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    /// <summary>The certificate's SHA-256 as .NET computes it, as bytes.</summary>
    public static byte[] Sha256(X509Certificate2 certificate) =>
        Convert.FromHexString(certificate.GetCertHashString(HashAlgorithmName.SHA256));

    /// <summary>The certificate's SHA-256 as upper-case hex pairs joined by colons (how browsers and openssl show it).</summary>
    public static string ColonHex(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHashString(HashAlgorithmName.SHA256).Chunk(2).Select(pair => new string(pair)));
}
