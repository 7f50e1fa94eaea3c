using System.Text;
using Monitoring.Sources.WinRM.WsMan;

namespace Monitoring.Tests.Sources.WinRM;

/// <summary>A transport that answers each request with the next of a list of replies (captured envelopes),
/// and keeps what was sent so tests can check the requests too.</summary>
internal sealed class ReplayTransport : IWsManTransport
{
    private readonly Queue<Func<string, byte[]>> _replies;

    public ReplayTransport(params string[] replies)
        : this(replies.Select(r => (Func<string, byte[]>)(_ => Encoding.UTF8.GetBytes(r))))
    {
    }

    public ReplayTransport(IEnumerable<Func<string, byte[]>> replies) => _replies = new Queue<Func<string, byte[]>>(replies);

    public Uri Endpoint { get; } = new("http://hv01.example.net:5985/wsman");

    /// <summary>Every envelope sent, in order, as text.</summary>
    public List<string> Sent { get; } = [];

    public Task<Stream> SendAsync(string operation, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken)
    {
        var request = Encoding.UTF8.GetString(envelope.Span);
        Sent.Add(request);
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException($"no reply left for {operation}");
        }

        return Task.FromResult<Stream>(new MemoryStream(_replies.Dequeue()(request)));
    }

    public void Dispose()
    {
    }
}
