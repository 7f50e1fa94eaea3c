using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Service.Collection;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Service.Collection;

/// <summary>The flusher may be asked to write while its background loop is writing (the benchmark waits for
/// the rows a pass handed over; a shutdown flushes once more): every buffered row is written exactly once,
/// and a database that refuses keeps every row buffered.</summary>
public sealed class SampleFlushServiceTests : IDisposable
{
    // More than one write batch (50,000 rows), so calls meet between batches too.
    private const int Rows = 120_000;
    private static readonly long s_minute = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task FlushAsync_TwoCallersAtOnce_WriteEveryRowOnce()
    {
        var database = await CreateDatabaseAsync();
        using var buffer = new SampleBuffer();
        buffer.Add(MinuteRows(0, Rows));
        using var flusher = new SampleFlushService(buffer, new SampleWriter(database), NullLogger<SampleFlushService>.Instance);

        var results = await Task.WhenAll(flusher.FlushAsync(CancellationToken.None), flusher.FlushAsync(CancellationToken.None));

        Assert.Equal([true, true], results);
        Assert.Equal(Rows, flusher.Written);
        Assert.Equal(0, buffer.Count);
        Assert.Equal(Rows, await StoredRowsAsync(database));
    }

    [Fact]
    public async Task FlushAsync_WhileTheBackgroundLoopWritesAndRowsKeepArriving_WritesEveryRowOnce()
    {
        var database = await CreateDatabaseAsync();
        using var buffer = new SampleBuffer();
        using var flusher = new SampleFlushService(buffer, new SampleWriter(database), NullLogger<SampleFlushService>.Instance);
        await flusher.StartAsync(CancellationToken.None);
        try
        {
            buffer.Add(MinuteRows(0, Rows));
            var first = flusher.FlushAsync(CancellationToken.None);
            buffer.Add(MinuteRows(Rows, Rows / 4));
            Assert.True(await first);
            Assert.True(await flusher.FlushAsync(CancellationToken.None));
        }
        finally
        {
            await flusher.StopAsync(CancellationToken.None);
        }

        Assert.Equal(Rows + (Rows / 4), flusher.Written);
        Assert.Equal(0, buffer.Count);
        Assert.Equal(Rows + (Rows / 4), await StoredRowsAsync(database));
    }

    [Fact]
    public async Task FlushAsync_TwoCallersWhileTheDatabaseIsLocked_KeepEveryRowAndWriteThemOnceItIsBack()
    {
        // A busy timeout of one second, so the locked writes give up quickly.
        var database = MonitoringDatabase.Sqlite($"Data Source={TestDatabase.FileName};Default Timeout=1", _directory.Path);
        await database.MigrateAsync(CancellationToken.None);
        using var buffer = new SampleBuffer();
        buffer.Add(MinuteRows(0, Rows));
        using var flusher = new SampleFlushService(buffer, new SampleWriter(database), NullLogger<SampleFlushService>.Instance);

        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, TestDatabase.FileName)};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var lockCommand = holder.CreateCommand();
            lockCommand.CommandText = "BEGIN EXCLUSIVE";
            await lockCommand.ExecuteNonQueryAsync();

            var refused = await Task.WhenAll(flusher.FlushAsync(CancellationToken.None), flusher.FlushAsync(CancellationToken.None));

            Assert.Equal([false, false], refused);
            Assert.Equal(Rows, buffer.Count);
            Assert.Equal(0, flusher.Written);
        }

        Assert.True(await flusher.FlushAsync(CancellationToken.None));
        Assert.Equal(Rows, flusher.Written);
        Assert.Equal(0, buffer.Count);
        Assert.Equal(Rows, await StoredRowsAsync(database));
    }

    private async Task<MonitoringDatabase> CreateDatabaseAsync() => await TestDatabase.CreateAsync(_directory);

    /// <summary><paramref name="count"/> distinct minute rows (one per object), numbered from <paramref name="from"/>.</summary>
    private static IEnumerable<MinuteSampleRecord> MinuteRows(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new MinuteSampleRecord
        {
            ObjectId = $"vc01/vm-{i}",
            Metric = "cpu.usage.average",
            Timestamp = s_minute,
            Average = i,
            Minimum = i,
            Maximum = i,
            Count = 3,
        });

    private static async Task<int> StoredRowsAsync(MonitoringDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.MinuteSamples.CountAsync();
    }
}
