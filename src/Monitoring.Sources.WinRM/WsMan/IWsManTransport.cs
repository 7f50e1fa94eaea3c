namespace Monitoring.Sources.WinRM.WsMan;

/// <summary>Carries one SOAP envelope to a WS-Management endpoint and brings its reply back, in
/// memory and in clear: authentication, message encryption and TLS are the transport's business.</summary>
/// <remarks>Implementations throw <see cref="Core.Collection.TargetFailureException"/> for what is not a
/// SOAP reply (refused connection, refused credentials, a certificate that does not match, an HTTP
/// status other than 200 or 500), so the client sees only envelopes.</remarks>
internal interface IWsManTransport : IDisposable
{
    /// <summary>The URL envelopes are posted to (it goes into <c>a:To</c>).</summary>
    Uri Endpoint { get; }

    /// <summary>Posts <paramref name="envelope"/> and returns the reply body.</summary>
    /// <param name="operation">The operation's short name, for messages (Get, Enumerate, ...).</param>
    /// <param name="envelope">The UTF-8 SOAP envelope.</param>
    /// <param name="cancellationToken">Cancels the exchange (the client's per-operation timeout).</param>
    Task<Stream> SendAsync(string operation, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken);
}
