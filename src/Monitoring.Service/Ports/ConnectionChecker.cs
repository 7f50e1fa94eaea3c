using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Monitoring.Core.Collection;

namespace Monitoring.Service.Ports;

/// <summary>Tests that each planned connection answers: a TCP connect, then for HTTP(S) one request with TLS verified
/// by the target's Thumbprint policy (there is no "accept any certificate"); the database opens; a listener either
/// answers as this service or its port is free to bind.</summary>
/// <remarks>Any HTTP status counts as an answer (a WinRM listener says 401 or 405 to an anonymous GET): the check
/// proves the path and the certificate, not the credentials, which <c>collect --once</c> tests.</remarks>
internal sealed class ConnectionChecker
{
    /// <summary>Opening the database builds EF's model and may wait for the service's writes (and its migration
    /// lock): slower than a TCP connect, so it gets longer.</summary>
    private static readonly TimeSpan s_databaseTimeout = TimeSpan.FromSeconds(60);

    private readonly TimeSpan _timeout;
    private readonly Func<CancellationToken, Task> _openDatabase;

    /// <param name="timeout">Per network connection.</param>
    /// <param name="openDatabase">Opens the configuration's database (applying migrations, as every verb does).</param>
    public ConnectionChecker(TimeSpan timeout, Func<CancellationToken, Task> openDatabase)
    {
        _timeout = timeout;
        _openDatabase = openDatabase;
    }

    public async Task<ConnectionCheck> CheckAsync(PlannedConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = connection.Kind == "database" ? s_databaseTimeout : _timeout;
        timeout.CancelAfter(limit);
        (bool Ok, string Detail) result;
        try
        {
            result = connection.Kind switch
            {
                "database" => await DatabaseAsync(timeout.Token).ConfigureAwait(false),
                "listener" => await ListenerAsync(connection, timeout.Token).ConfigureAwait(false),
                _ => await RemoteAsync(connection, timeout.Token).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = (false, $"no answer within {limit.TotalSeconds:0} s");
        }

        return new ConnectionCheck(result.Ok, result.Detail, watch.ElapsedMilliseconds);
    }

    private async Task<(bool, string)> DatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _openDatabase(cancellationToken).ConfigureAwait(false);
            return (true, "opens");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Provider messages name the server or file, never the password (SqlClient strips it).
            return (false, $"does not open: {e.GetBaseException().Message}");
        }
    }

    private static async Task<(bool, string)> RemoteAsync(PlannedConnection connection, CancellationToken cancellationToken)
    {
        var tcp = await ConnectAsync(connection.Host!, connection.Port!.Value, cancellationToken).ConfigureAwait(false);
        if (tcp is not null)
        {
            return (false, tcp);
        }

        if (connection.CheckUrl is not { } url)
        {
            return (true, "TCP connect");
        }

        return await RequestAsync(url, connection.Thumbprint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers as this service (GET /healthz), or is free for <c>run</c> to bind; anything else holding the
    /// port, or an address this machine does not have, fails.</summary>
    private static async Task<(bool, string)> ListenerAsync(PlannedConnection connection, CancellationToken cancellationToken)
    {
        var refused = await ConnectAsync(connection.Host!, connection.Port!.Value, cancellationToken).ConfigureAwait(false);
        if (refused is null)
        {
            var (ok, detail) = await RequestAsync(connection.CheckUrl!, null, cancellationToken).ConfigureAwait(false);
            return ok ? (true, $"bound and answering ({detail} on /healthz)") : (false, $"the port is held by something that does not answer as this service: {detail}");
        }

        try
        {
            var address = IPAddress.TryParse(connection.Host, out var ip) ? ip : (await Dns.GetHostAddressesAsync(connection.Host!, cancellationToken).ConfigureAwait(false))[0];
            using var probe = new TcpListener(address, connection.Port!.Value);
            probe.Start();
            probe.Stop();
            return (true, "not running; the port is free for run to bind");
        }
        catch (SocketException e)
        {
            return (false, $"cannot be bound: {e.Message}");
        }
    }

    /// <summary>Null when connected; otherwise why not.</summary>
    private static async Task<string?> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (SocketException e)
        {
            return $"TCP {host}:{port}: {Describe(e.SocketErrorCode, e.Message)}";
        }
    }

    private static async Task<(bool, string)> RequestAsync(Uri url, IReadOnlyList<byte>? thumbprint, CancellationToken cancellationToken)
    {
        var policy = new CertificatePolicy(thumbprint);
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
        handler.SslOptions.RemoteCertificateValidationCallback = policy.Validate;
        using var client = new HttpClient(handler, disposeHandler: false);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var tls = url.Scheme == Uri.UriSchemeHttps ? (thumbprint is null ? ", certificate trusted" : ", certificate matches Thumbprint") : string.Empty;
            return (true, $"HTTP {(int)response.StatusCode}{tls}");
        }
        catch (HttpRequestException e)
        {
            var reason = policy.LastRefusal is { } refusal ? $"TLS refused: {refusal}"
                : e.HttpRequestError == HttpRequestError.SecureConnectionError ? $"TLS failed: {e.GetBaseException().Message}"
                : $"HTTP request failed: {e.GetBaseException().Message}";
            return (false, reason);
        }
    }

    private static string Describe(SocketError error, string message) => error switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing listens there, or a firewall rejects it)",
        SocketError.TimedOut => "timed out (a firewall may drop the packets)",
        SocketError.HostNotFound or SocketError.NoData => "host name not found",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
        _ => message,
    };
}
