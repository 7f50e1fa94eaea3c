namespace Monitoring.Sources.WinRM.Transport;

/// <summary>How a WinRM transport proves who it is.</summary>
internal enum WinRMAuthentication
{
    /// <summary>User name and password in the header; only over HTTPS.</summary>
    Basic,

    /// <summary>NTLM through <see cref="System.Net.Security.NegotiateAuthentication"/>; over HTTP every message
    /// is sealed with the session key (WinRM's <c>multipart/encrypted</c>).</summary>
    Ntlm,

    /// <summary>Kerberos through <see cref="System.Net.Security.NegotiateAuthentication"/>, with the machine's
    /// ticket cache; only over HTTPS (Kerberos message sealing over HTTP is not implemented).</summary>
    Kerberos,
}
