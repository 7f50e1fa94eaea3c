using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Storage;

namespace Monitoring.Service.Collection;

/// <summary>Writes buffered minute aggregates to the database in batches, and keeps them through an
/// outage (a locked SQLite file, an unreachable SQL Server), retrying with backoff until they land.</summary>
internal sealed class SampleFlushService : BackgroundService
{
    private const int BatchSize = 50_000;
    private static readonly TimeSpan s_idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);

    private readonly SampleBuffer _buffer;
    private readonly SampleWriter _writer;
    private readonly ILogger<SampleFlushService> _logger;

    // One flush at a time: the background loop and a caller that wants the buffer written now (the
    // benchmark, a shutdown) would otherwise peek the same rows and write them twice.
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private long _written;

    public SampleFlushService(SampleBuffer buffer, SampleWriter writer, ILogger<SampleFlushService> logger)
    {
        _buffer = buffer;
        _writer = writer;
        _logger = logger;
    }

    /// <summary>Rows written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Writes whatever is buffered now; returns false if the database refused.</summary>
    /// <remarks>Safe to call while the background loop runs: a call waits for a flush in progress, then
    /// writes what is still buffered, so it returns once every row buffered before it was written.</remarks>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await FlushBufferedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _flushing.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = s_idle;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _buffer.WaitAsync(backoff, stoppingToken).ConfigureAwait(false);
                backoff = await FlushAsync(stoppingToken).ConfigureAwait(false)
                    ? s_idle
                    : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxBackoff.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        // On shutdown, one last attempt so a clean stop loses nothing that the database can take.
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await FlushAsync(last.Token).ConfigureAwait(false);
    }

    private async Task<bool> FlushBufferedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = _buffer.Peek(BatchSize);
            if (batch.Count == 0)
            {
                return true;
            }

            try
            {
                await _writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                ServiceLog.SamplesHeld(_logger, _buffer.Count, e.Message);
                return false;
            }

            _buffer.Remove(batch);
            Interlocked.Add(ref _written, batch.Count);
        }
    }
}
