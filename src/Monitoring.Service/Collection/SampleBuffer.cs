using Monitoring.Storage.Records;

namespace Monitoring.Service.Collection;

/// <summary>Minute aggregates waiting to be written. Bounded: when the database stays away long enough
/// to fill it, the oldest rows are dropped and counted, so memory never grows without limit.</summary>
internal sealed class SampleBuffer : IDisposable
{
    /// <summary>About five minutes of a 21,000-object estate (6 metrics each, the open minute queued again
    /// after every 20 s pass), a few hundred MB at most.</summary>
    public const int DefaultCapacity = 2_000_000;

    private readonly Queue<MinuteSampleRecord> _queue = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly int _capacity;
    private long _dropped;

    public SampleBuffer(int capacity = DefaultCapacity) => _capacity = capacity;

    /// <summary>Rows held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Rows dropped since start because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Add(IEnumerable<MinuteSampleRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_lock)
        {
            foreach (var row in rows)
            {
                if (_queue.Count >= _capacity)
                {
                    _queue.Dequeue();
                    Interlocked.Increment(ref _dropped);
                }

                _queue.Enqueue(row);
            }
        }

        _signal.Release();
    }

    /// <summary>Up to <paramref name="max"/> of the oldest rows, still held until <see cref="Remove"/>.</summary>
    public List<MinuteSampleRecord> Peek(int max)
    {
        lock (_lock)
        {
            return [.. _queue.Take(max)];
        }
    }

    /// <summary>Removes the rows a successful write took. Rows dropped meanwhile (overflow) shorten the count.</summary>
    public void Remove(IReadOnlyList<MinuteSampleRecord> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        lock (_lock)
        {
            foreach (var row in written)
            {
                if (_queue.Count > 0 && ReferenceEquals(_queue.Peek(), row))
                {
                    _queue.Dequeue();
                }
            }
        }
    }

    /// <summary>Waits until rows arrive or <paramref name="timeout"/> passes.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
