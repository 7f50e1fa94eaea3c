using System.Buffers;
using System.Net;
using System.Net.Security;
using Monitoring.Core.Collection;

namespace Monitoring.Sources.WinRM.Transport;

/// <summary>One NTLM or Kerberos security context with a WinRM listener: the handshake tokens, then
/// sealing and unsealing of message bodies with its session key.</summary>
internal sealed class NegotiateSession : IDisposable
{
    /// <summary>The size of an NTLM signature (MS-NLMP 2.2.2.9); Wrap writes it before the sealed bytes.</summary>
    public const int NtlmSignatureLength = 16;

    private readonly NegotiateAuthentication _context;

    /// <summary>Kerberos without a password: the credentials are the ticket the process's cache holds.</summary>
    private readonly bool _fromTicketCache;

    static NegotiateSession()
    {
        // On Linux, .NET's NTLM otherwise goes through the system GSSAPI, which needs the gss-ntlmssp plug-in
        // on the collector machine; the managed implementation needs nothing. The service also sets this in
        // its runtimeconfig; setting it here covers tests and tools that host the client themselves.
        AppContext.SetSwitch("System.Net.Security.UseManagedNtlm", true);
    }

    public NegotiateSession(WinRMAuthentication scheme, string username, string password, Uri address, bool encrypt)
    {
        var (user, domain) = SplitUser(username);

        // Kerberos with no password uses the ticket already in the cache (kinit, a keytab-fed cache, KRB5CCNAME):
        // the default credential makes the system GSSAPI take it from there; with a password it asks the KDC itself.
        _fromTicketCache = scheme == WinRMAuthentication.Kerberos && password.Length == 0;
        _context = new NegotiateAuthentication(new NegotiateAuthenticationClientOptions
        {
            Package = scheme == WinRMAuthentication.Kerberos ? "Kerberos" : "NTLM",
            Credential = _fromTicketCache ? CredentialCache.DefaultNetworkCredentials : new NetworkCredential(user, password, domain),
            TargetName = "HTTP/" + address.Host,
            RequiredProtectionLevel = encrypt ? ProtectionLevel.EncryptAndSign : ProtectionLevel.None,
        });
    }

    /// <summary>True once the handshake has finished.</summary>
    public bool IsAuthenticated => _context.IsAuthenticated;

    /// <summary>The next token to send, given the server's last one (none at the start).</summary>
    public byte[] NextToken(ReadOnlySpan<byte> serverToken)
    {
        var token = _context.GetOutgoingBlob(serverToken, out var status);
        if (status is NegotiateAuthenticationStatusCode.Completed or NegotiateAuthenticationStatusCode.ContinueNeeded)
        {
            return token ?? [];
        }

        if (_fromTicketCache && status == NegotiateAuthenticationStatusCode.UnknownCredentials)
        {
            throw new TargetFailureException(
                FailureKind.Authentication,
                "Kerberos: no usable ticket in this process's ticket cache (none, expired, or for another realm); run kinit for the collector's account (the cache is KRB5CCNAME's, or the system default), or set the target's Password");
        }

        throw new TargetFailureException(
            status is NegotiateAuthenticationStatusCode.UnknownCredentials or NegotiateAuthenticationStatusCode.GenericFailure or NegotiateAuthenticationStatusCode.BadBinding
                ? FailureKind.Authentication
                : FailureKind.Protocol,
            $"{_context.Package} authentication failed on our side ({status})");
    }

    /// <summary>Seals <paramref name="clear"/>: the signature and the sealed bytes.</summary>
    public (byte[] Signature, byte[] SealedData) Seal(ReadOnlySpan<byte> clear)
    {
        var output = new ArrayBufferWriter<byte>(clear.Length + NtlmSignatureLength);
        var status = _context.Wrap(clear, output, requestEncryption: true, out var encrypted);
        if (status != NegotiateAuthenticationStatusCode.Completed || !encrypted)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"sealing a message failed ({status})");
        }

        var token = output.WrittenSpan;
        return (token[..NtlmSignatureLength].ToArray(), token[NtlmSignatureLength..].ToArray());
    }

    /// <summary>Checks and unseals a reply body.</summary>
    public byte[] Unseal(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> sealedData)
    {
        var token = new byte[signature.Length + sealedData.Length];
        signature.CopyTo(token);
        sealedData.CopyTo(token.AsSpan(signature.Length));
        var output = new ArrayBufferWriter<byte>(sealedData.Length);
        var status = _context.Unwrap(token, output, out _);
        if (status != NegotiateAuthenticationStatusCode.Completed)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"the listener's sealed reply does not verify ({status}): wrong key, or altered on the way");
        }

        return output.WrittenSpan.ToArray();
    }

    public void Dispose() => _context.Dispose();

    /// <summary><c>DOMAIN\user</c> and <c>user@domain</c> carry the domain; a bare name has none (the host's own accounts).</summary>
    internal static (string User, string Domain) SplitUser(string username)
    {
        var slash = username.IndexOf('\\', StringComparison.Ordinal);
        if (slash > 0)
        {
            return (username[(slash + 1)..], username[..slash]);
        }

        var at = username.LastIndexOf('@');
        return at > 0 ? (username[..at], username[(at + 1)..]) : (username, string.Empty);
    }
}
