using System.Collections.Concurrent;
using Monitoring.Core.Collection;

namespace Monitoring.Benchmarks;

/// <summary>Counts SOAP requests per method, passing each on to the service's own recorder (the /metrics
/// counter), so the product's path keeps its cost and the bench can compare counts with the floor.</summary>
internal sealed class RequestCounter : IRequestRecorder
{
    private readonly IRequestRecorder _inner;
    private readonly ConcurrentDictionary<string, int> _byMethod = new(StringComparer.Ordinal);

    public RequestCounter(IRequestRecorder inner) => _inner = inner;

    public IReadOnlyDictionary<string, int> ByMethod => _byMethod;

    public void Record(string target, string method)
    {
        _byMethod.AddOrUpdate(method, 1, static (_, n) => n + 1);
        _inner.Record(target, method);
    }
}
