using System.Collections.Concurrent;
using System.Net.Security;
using Microsoft.AspNetCore.Http;

namespace Monitoring.IntegrationTests.Sources.WinRM;

/// <summary>The endpoint's Kerberos side: HTTPS, and the SPNEGO/Kerberos handshake accepted by the system
/// GSSAPI (MIT krb5) with the service key of a <see cref="KerberosRealm"/>'s keytab.</summary>
internal sealed partial class WsManEndpoint
{
    private readonly ConcurrentDictionary<string, NegotiateAuthentication> _kerberos = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _kerberosClients = new();
    private bool _useKerberos;

    /// <summary>The client principals the endpoint has accepted, in order (e.g. <c>monitor@TEST.MONITORING</c>).</summary>
    public IReadOnlyCollection<string> KerberosClients => _kerberosClients;

    /// <summary>Starts an HTTPS endpoint that takes only Kerberos (offered as <c>Negotiate</c> and <c>Kerberos</c>,
    /// as a WinRM listener with Kerberos on does), accepting tickets for the realm's <c>HTTP/127.0.0.1</c>.</summary>
    public static Task<WsManEndpoint> StartKerberosAsync(string profile, KerberosRealm realm)
    {
        ArgumentNullException.ThrowIfNull(realm);
        realm.UseKeytabForAcceptors();
        var endpoint = new WsManEndpoint(profile, realm.ClientPrincipal, realm.ClientPassword, useNtlm: false) { _useKerberos = true };
        return StartAsync(endpoint);
    }

    /// <summary>A config target for Kerberos over HTTPS, pinned to the endpoint's certificate; no Password means
    /// "use the ticket the collector's process holds".</summary>
    public Dictionary<string, object?> KerberosTarget(string name, string kind, string? password = null)
    {
        var target = Target(name, kind);
        target["Authentication"] = "Kerberos";
        target["Password"] = password;
        return target;
    }

    /// <summary>Kerberos per connection, as IIS and WinRM do it: the handshake rides on a <c>Negotiate</c> (or
    /// <c>Kerberos</c>) header, and later requests on the same connection use the finished context. The
    /// acceptor's answer token (mutual authentication) goes back on the 200. False when a 401 has been sent.</summary>
    private bool AuthenticateKerberos(HttpContext context)
    {
        var connection = context.Connection.Id;
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Negotiate ", StringComparison.Ordinal) || header.StartsWith("Kerberos ", StringComparison.Ordinal))
        {
            var scheme = header[..header.IndexOf(' ', StringComparison.Ordinal)];
            var incoming = Convert.FromBase64String(header[(scheme.Length + 1)..]);
            if (!_kerberos.TryGetValue(connection, out var pending) || pending.IsAuthenticated)
            {
                pending?.Dispose();
                pending = new NegotiateAuthentication(new NegotiateAuthenticationServerOptions { Package = "Negotiate", RequiredProtectionLevel = ProtectionLevel.None });
                _kerberos[connection] = pending;
            }

            var outgoing = pending.GetOutgoingBlob(incoming, out var status);
            if (status == NegotiateAuthenticationStatusCode.ContinueNeeded)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = scheme + " " + Convert.ToBase64String(outgoing!);
                return false;
            }

            if (status != NegotiateAuthenticationStatusCode.Completed)
            {
                _kerberos.TryRemove(connection, out _);
                pending.Dispose();
                Challenge(context);
                return false;
            }

            _kerberosClients.Enqueue(pending.RemoteIdentity.Name ?? string.Empty);
            if (outgoing is { Length: > 0 })
            {
                context.Response.Headers.WWWAuthenticate = scheme + " " + Convert.ToBase64String(outgoing);
            }

            return true;
        }

        if (_kerberos.TryGetValue(connection, out var known) && known.IsAuthenticated)
        {
            return true;
        }

        Challenge(context);
        return false;
    }

    private static void Challenge(HttpContext context)
    {
        context.Response.StatusCode = 401;
        context.Response.Headers.WWWAuthenticate = new(["Negotiate", "Kerberos"]);
    }

    private void DisposeKerberos()
    {
        foreach (var context in _kerberos.Values)
        {
            context.Dispose();
        }
    }
}
