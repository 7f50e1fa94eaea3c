using System.Net.Http.Headers;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.WinRM.Transport;

/// <summary>Picks the authentication scheme: the target's <c>Authentication</c> when set, otherwise the
/// strongest one the server's challenge offers that is safe on this scheme (http or https).</summary>
internal static class AuthenticationChoice
{
    /// <summary>The configured scheme, checked against the address; null means "ask the server".</summary>
    public static WinRMAuthentication? FromConfiguration(string? configured, Uri address)
    {
        if (configured is null)
        {
            return null;
        }

        var scheme = Enum.Parse<WinRMAuthentication>(configured, ignoreCase: true);
        var https = address.Scheme == Uri.UriSchemeHttps;
        return scheme switch
        {
            WinRMAuthentication.Basic when !https => throw new TargetFailureException(
                FailureKind.Authentication,
                "Authentication Basic would send the password in clear over http; use an https:// Address (port 5986) or Authentication Ntlm"),
            WinRMAuthentication.Kerberos when !https => throw new TargetFailureException(
                FailureKind.Unsupported,
                "Authentication Kerberos over http needs Kerberos message encryption, which this build does not implement; use an https:// Address (port 5986) or Authentication Ntlm"),
            _ => scheme,
        };
    }

    /// <summary>The scheme to use from the <c>WWW-Authenticate</c> headers of a 401.</summary>
    public static WinRMAuthentication FromChallenge(HttpHeaderValueCollection<AuthenticationHeaderValue> challenges, Uri address)
    {
        var offered = challenges.Select(c => c.Scheme).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var https = address.Scheme == Uri.UriSchemeHttps;

        // Negotiate is answered with NTLM: the managed Negotiate package tries Kerberos and never falls back.
        if (offered.Contains("Negotiate") || offered.Contains("NTLM"))
        {
            return WinRMAuthentication.Ntlm;
        }

        if (offered.Contains("Kerberos") && https)
        {
            return WinRMAuthentication.Kerberos;
        }

        if (offered.Contains("Basic"))
        {
            return https
                ? WinRMAuthentication.Basic
                : throw new TargetFailureException(
                    FailureKind.Authentication,
                    "the listener offers only Basic authentication over http, which would send the password in clear; enable Negotiate on it or use https");
        }

        var list = offered.Count == 0 ? "none" : string.Join(", ", offered.Order(StringComparer.Ordinal));
        throw new TargetFailureException(FailureKind.Authentication, $"the listener offers no authentication scheme we can use (offered: {list})");
    }
}
