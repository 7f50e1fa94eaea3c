using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Monitoring.Core.Collection;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Sources.WinRM.Transport;

/// <summary>Carries WS-Management envelopes to one WinRM listener over HTTP or HTTPS, authenticated with
/// Basic (HTTPS only), NTLM or Kerberos, and sealed with the NTLM session key over plain HTTP.</summary>
/// <remarks>
/// NTLM authenticates a connection, not a request, so a transport keeps one connection and sends one
/// request at a time on it. When the listener drops the connection the context goes with it: a 401 on an
/// authenticated session leads to one fresh handshake and one retry. The password is read from the
/// target only when a header or token is made, and never appears in a message.
/// </remarks>
internal sealed class WinRMHttpTransport : IWsManTransport
{
    private static readonly MediaTypeHeaderValue s_soapContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
    private static readonly MediaTypeHeaderValue s_encryptedContentType = MediaTypeHeaderValue.Parse(EncryptedMessage.ContentType);

    private readonly HttpClient _http;
    private readonly TargetDefinition _target;
    private readonly CertificatePolicy? _tls;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly bool _https;
    private WinRMAuthentication? _scheme;
    private NegotiateSession? _session;

    /// <summary>A transport over <paramref name="handler"/>, which it owns; tests hand in their own.</summary>
    public WinRMHttpTransport(HttpMessageHandler handler, TargetDefinition target, CertificatePolicy? tls)
    {
        ArgumentNullException.ThrowIfNull(target);
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _target = target;
        _tls = tls;
        _https = target.Address.Scheme == Uri.UriSchemeHttps;
    }

    public Uri Endpoint => _target.Address;

    /// <summary>The scheme in use, once chosen (from the configuration or the listener's first challenge).</summary>
    public WinRMAuthentication? Scheme => _scheme;

    /// <summary>A transport with its own connection to <paramref name="target"/>.</summary>
    public static WinRMHttpTransport Create(TargetDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var tls = new CertificatePolicy(target.Thumbprint, "listener");
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectTimeout = target.Timeout,
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            SslOptions = { RemoteCertificateValidationCallback = tls.Validate },
        };
        return new WinRMHttpTransport(handler, target, tls);
    }

    public async Task<Stream> SendAsync(string operation, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new MemoryStream(await SendLockedAsync(envelope, cancellationToken).ConfigureAwait(false), writable: false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            DropSession();
            throw new TargetFailureException(FailureKind.Certificate, $"TLS refused: {_tls?.LastRefusal ?? e.Message}", e);
        }
        catch (HttpRequestException e)
        {
            DropSession();
            throw new TargetFailureException(FailureKind.Unreachable, $"{operation}: {Describe(e)}", e);
        }
        catch (IOException e)
        {
            DropSession();
            throw new TargetFailureException(FailureKind.Unreachable, $"{operation}: the connection broke while reading the reply ({e.Message})", e);
        }
        catch (OperationCanceledException)
        {
            // The connection may still carry the half-sent exchange; start the next one afresh.
            DropSession();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        DropSession();
        _http.Dispose();
        _gate.Dispose();
    }

    private async Task<byte[]> SendLockedAsync(ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        _scheme ??= AuthenticationChoice.FromConfiguration(_target.Authentication, _target.Address) ?? await ProbeAsync(cancellationToken).ConfigureAwait(false);
        if (_scheme == WinRMAuthentication.Basic)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(_target.Username + ":" + _target.Password.Reveal()));
            using var response = await PostAsync(Content(envelope.Span), new AuthenticationHeaderValue("Basic", credentials), cancellationToken).ConfigureAwait(false);
            return await ReadReplyAsync(response, sealedReply: false, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var session = _session ?? await HandshakeAsync(cancellationToken).ConfigureAwait(false);
            var seal = !_https;
            using var response = await PostAsync(seal ? Sealed(session, envelope.Span) : Content(envelope.Span), null, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                // The listener no longer knows this connection's context (it closed the connection, or restarted).
                DropSession();
                continue;
            }

            return await ReadReplyAsync(response, seal, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An empty POST without credentials: the 401's challenges say which schemes the listener takes.</summary>
    private async Task<WinRMAuthentication> ProbeAsync(CancellationToken cancellationToken)
    {
        using var response = await PostAsync(Content([]), null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new TargetFailureException(
                FailureKind.Protocol,
                $"the listener did not ask for credentials (HTTP {(int)response.StatusCode} to an empty request); is {_target.Address} a WinRM endpoint?");
        }

        return AuthenticationChoice.FromChallenge(response.Headers.WwwAuthenticate, _target.Address);
    }

    /// <summary>Runs the NTLM or Kerberos handshake with empty bodies on the transport's connection.</summary>
    private async Task<NegotiateSession> HandshakeAsync(CancellationToken cancellationToken)
    {
        var session = new NegotiateSession(_scheme!.Value, _target.Username, _target.Password.Reveal(), _target.Address, encrypt: !_https);
        try
        {
            var token = session.NextToken([]);
            while (true)
            {
                using var response = await PostAsync(Content([]), new AuthenticationHeaderValue("Negotiate", Convert.ToBase64String(token)), cancellationToken).ConfigureAwait(false);
                var serverToken = ServerToken(response);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    if (!session.IsAuthenticated && serverToken is not null)
                    {
                        session.NextToken(serverToken);
                    }

                    if (!session.IsAuthenticated)
                    {
                        throw new TargetFailureException(FailureKind.Authentication, $"the listener ended the {_scheme} handshake early (HTTP {(int)response.StatusCode})");
                    }

                    _session = session;
                    return session;
                }

                if (serverToken is null || session.IsAuthenticated)
                {
                    throw new TargetFailureException(FailureKind.Authentication, $"the listener refused the credentials of user '{_target.Username}' ({_scheme}, HTTP 401)");
                }

                token = session.NextToken(serverToken);
            }
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static byte[]? ServerToken(HttpResponseMessage response)
    {
        foreach (var challenge in response.Headers.WwwAuthenticate)
        {
            if ((challenge.Scheme.Equals("Negotiate", StringComparison.OrdinalIgnoreCase) || challenge.Scheme.Equals("Kerberos", StringComparison.OrdinalIgnoreCase))
                && !string.IsNullOrEmpty(challenge.Parameter))
            {
                try
                {
                    return Convert.FromBase64String(challenge.Parameter);
                }
                catch (FormatException)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target.Address) { Content = content, Version = HttpVersion.Version11 };
        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<byte[]> ReadReplyAsync(HttpResponseMessage response, bool sealedReply, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            DropSession();
            throw new TargetFailureException(FailureKind.Authentication, $"the listener refused the credentials of user '{_target.Username}' ({_scheme}, HTTP 401)");
        }

        // WinRM answers faults with 500 and a SOAP fault in the body; anything else is not WS-Management.
        if (response.StatusCode is not HttpStatusCode.OK and not HttpStatusCode.InternalServerError)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"the listener answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var encrypted = response.Content.Headers.ContentType?.MediaType?.StartsWith("multipart/encrypted", StringComparison.OrdinalIgnoreCase) == true;
        if (!sealedReply)
        {
            return body;
        }

        if (!encrypted || _session is null)
        {
            throw new TargetFailureException(FailureKind.Protocol, $"the listener answered a sealed request in clear (HTTP {(int)response.StatusCode}); refusing an unprotected reply");
        }

        var (signature, sealedData, length) = EncryptedMessage.Decode(body);
        var clear = _session.Unseal(signature, sealedData);
        return clear.Length == length
            ? clear
            : throw new TargetFailureException(FailureKind.Protocol, $"the listener's sealed reply is {clear.Length} bytes, not the {length} it announced");
    }

    private static ByteArrayContent Content(ReadOnlySpan<byte> envelope)
    {
        var content = new ByteArrayContent(envelope.ToArray());
        content.Headers.ContentType = s_soapContentType;
        return content;
    }

    private static ByteArrayContent Sealed(NegotiateSession session, ReadOnlySpan<byte> envelope)
    {
        var (signature, sealedData) = session.Seal(envelope);
        var content = new ByteArrayContent(EncryptedMessage.Encode(signature, sealedData, envelope.Length));
        content.Headers.ContentType = s_encryptedContentType;
        return content;
    }

    private void DropSession()
    {
        _session?.Dispose();
        _session = null;
    }

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.ConnectionError => $"cannot connect ({e.InnerException?.Message ?? e.Message})",
        HttpRequestError.NameResolutionError => $"the host name does not resolve ({e.InnerException?.Message ?? e.Message})",
        HttpRequestError.ResponseEnded => "the listener closed the connection before answering",
        _ => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message,
    };
}
