namespace Monitoring.Tests.Support;

/// <summary>An in-process HTTP transport: records every request and answers it with a delegate.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly List<RecordedRequest> _requests = [];

    public FakeHandler(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> respond) => _respond = respond;

    public FakeHandler(Func<RecordedRequest, HttpResponseMessage> respond)
        : this((request, _) => Task.FromResult(respond(request)))
    {
    }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The SOAP methods received so far, in order.</summary>
    public IReadOnlyList<string?> Methods => [.. Requests.Select(r => r.SoapMethod)];

    /// <summary>Replays recorded replies in order, checking that each request calls the method the
    /// recorded one called, so a reply is never given to a question it does not answer.</summary>
    public static FakeHandler Replay(IEnumerable<CassetteInteraction> interactions)
    {
        var queue = new Queue<CassetteInteraction>(interactions);
        return new FakeHandler(request =>
        {
            lock (queue)
            {
                if (!queue.TryDequeue(out var next))
                {
                    throw new InvalidOperationException($"the cassette has no reply left for {request.SoapMethod}");
                }

                if (next.SoapMethod != request.SoapMethod)
                {
                    throw new InvalidOperationException($"the product called {request.SoapMethod} where the cassette recorded {next.SoapMethod}");
                }

                return next.ToResponse();
            }
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.RequestUri, body, Header(request, "Cookie"), Header(request, "SOAPAction"));
        lock (_requests)
        {
            _requests.Add(recorded);
        }

        return await _respond(recorded, cancellationToken);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join("; ", values) : null;
}
