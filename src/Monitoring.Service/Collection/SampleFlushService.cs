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
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
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
}
