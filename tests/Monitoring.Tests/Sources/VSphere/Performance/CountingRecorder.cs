using Monitoring.Core.Collection;

namespace Monitoring.Tests.Sources.VSphere.Performance;

/// <summary>An <see cref="IRequestRecorder"/> that counts requests per target and method.</summary>
internal sealed class CountingRecorder : IRequestRecorder
{
    private readonly Dictionary<(string Target, string Method), int> _counts = [];

    public void Record(string target, string method)
    {
        lock (_counts)
        {
            _counts[(target, method)] = Count(target, method) + 1;
        }
    }

    public int Count(string target, string method)
    {
        lock (_counts)
        {
            return _counts.GetValueOrDefault((target, method));
        }
    }
}
