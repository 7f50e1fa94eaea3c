using Monitoring.Core.Collection;

namespace Monitoring.Benchmarks.WinRM;

/// <summary>Counts the requests the collectors send, so the figures say how many a host poll costs.</summary>
internal sealed class CountingRecorder : IRequestRecorder
{
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public void Record(string target, string method) => Interlocked.Increment(ref _total);
}
