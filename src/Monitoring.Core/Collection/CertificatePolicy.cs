using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Core.Collection;

/// <summary>Decides whether to trust a server's certificate, per the <c>Thumbprint</c> contract:
/// pinned means the leaf's SHA-256 must match and nothing else is checked; unpinned means the normal
/// chain and name validation. There is deliberately no "accept anything" mode.</summary>
/// <remarks>One rule for every source that speaks TLS (vSphere, WinRM), so the contract cannot drift.</remarks>
public sealed class CertificatePolicy
{
    private readonly byte[]? _pinned;
    private readonly string _peer;

    /// <param name="pinnedSha256">The target's <c>Thumbprint</c>, or null for chain and name validation.</param>
    /// <param name="peer">What the refusal messages call the other side ("server", "listener").</param>
    public CertificatePolicy(IReadOnlyList<byte>? pinnedSha256, string peer = "server")
    {
        _pinned = pinnedSha256?.ToArray();
        _peer = peer;
    }

    /// <summary>Why the last certificate was refused, for the operator; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            LastRefusal = $"the {_peer} presented no certificate";
            return false;
        }

        var actual = SHA256.HashData(certificate.GetRawCertData());
        if (_pinned is not null)
        {
            if (CryptographicOperations.FixedTimeEquals(actual, _pinned))
            {
                return true;
            }

            LastRefusal = $"the {_peer}'s certificate (SHA-256 {Format(actual)}) does not match the pinned Thumbprint {Format(_pinned)}";
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        LastRefusal = $"the {_peer}'s certificate is not trusted ({errors}); its SHA-256 is {Format(actual)}: "
            + "check it out of band, then pin it with Thumbprint or add its issuer to the trust store";
        return false;
    }

    /// <summary>Upper-case hex bytes joined by colons, the way operators compare thumbprints.</summary>
    public static string Format(IEnumerable<byte> hash) => string.Join(':', hash.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
}
