using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Monitoring.Tests.Support;

/// <summary>A TLS server on an <see cref="InMemoryDuplexStream"/>: it presents a certificate and, once the
/// client trusts it, answers one HTTP/1.1 request with a fixed body. No socket, no port.</summary>
internal sealed class InMemoryTlsServer
{
    private readonly X509Certificate2 _certificate;
    private readonly string _responseBody;
    private readonly List<Task> _connections = [];

    public InMemoryTlsServer(X509Certificate2 certificate, string responseBody)
    {
        _certificate = certificate;
        _responseBody = responseBody;
    }

    /// <summary>Hands the client end of a new connection to <see cref="SocketsHttpHandler.ConnectCallback"/>.</summary>
    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (client, server) = InMemoryDuplexStream.CreatePair();
        lock (_connections)
        {
            _connections.Add(Task.Run(() => ServeAsync(server), CancellationToken.None));
        }

        return ValueTask.FromResult<Stream>(client);
    }

    private async Task ServeAsync(Stream transport)
    {
        await using var tls = new SslStream(transport);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate });
            await ReadRequestAsync(tls);
            var body = Encoding.UTF8.GetBytes(_responseBody);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n");
            await tls.WriteAsync(head);
            await tls.WriteAsync(body);
            await tls.FlushAsync();
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            // The client refused the certificate and hung up: that is the point of some tests.
        }
    }

    private static async Task ReadRequestAsync(Stream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        var contentLength = -1;
        var headerEnd = -1;
        while (headerEnd < 0 || received.Count < headerEnd + contentLength)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0)
            {
                return;
            }

            received.AddRange(buffer.AsSpan(0, n));
            if (headerEnd < 0)
            {
                var text = Encoding.ASCII.GetString([.. received]);
                var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (end >= 0)
                {
                    headerEnd = end + 4;
                    var line = text[..end].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                    contentLength = line is null ? 0 : int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
    }
}
