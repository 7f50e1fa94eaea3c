using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Sources.WinRM.Transport;

/// <summary>Decides whether to trust a WinRM listener's certificate, per the <c>Thumbprint</c> contract:
/// pinned means the leaf's SHA-256 must match and nothing else is checked; unpinned means the normal chain
/// and name validation. There is no "accept anything" mode.</summary>
/// <remarks>The vSphere source applies the same contract with its own copy; each source keeps its transport
/// to itself (docs/architecture.md), and the rule is four lines.</remarks>
internal sealed class TlsPolicy
{
    private readonly byte[]? _pinned;

    public TlsPolicy(IReadOnlyList<byte>? pinnedSha256) => _pinned = pinnedSha256?.ToArray();

    /// <summary>Why the last certificate was refused, for the operator; null when none was.</summary>
    public string? LastRefusal { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            LastRefusal = "the listener presented no certificate";
            return false;
        }

        var actual = SHA256.HashData(certificate.GetRawCertData());
        if (_pinned is not null)
        {
            if (CryptographicOperations.FixedTimeEquals(actual, _pinned))
            {
                return true;
            }

            LastRefusal = $"the listener's certificate (SHA-256 {Format(actual)}) does not match the pinned Thumbprint {Format(_pinned)}";
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        LastRefusal = $"the listener's certificate is not trusted ({errors}); its SHA-256 is {Format(actual)}: check it out of band, then pin it with Thumbprint or add its issuer to the trust store";
        return false;
    }

    private static string Format(IEnumerable<byte> hash) => string.Join(':', hash.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
