using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage;

/// <summary>The SQLite side of the per-provider sample SQL: splitting the SQL by provider must not change
/// what SQLite stores, rolls up or prunes.</summary>
public sealed class SampleStorageTests : IDisposable
{
    // 2026-11-25 10:30 UTC: the 10:00 hour is incomplete, 07:00-09:59 are the three hours recomputed.
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);
    private static readonly long s_nineOClock = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WriteAsync_SameKeyInOneBatchAndAgainLater_KeepsTheLastValue()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var writer = new SampleWriter(database);

        await writer.WriteAsync([Minute("vc01/vm-22", s_nineOClock, 10, 1), Minute("vc01/vm-22", s_nineOClock, 20, 2)], CancellationToken.None);
        await writer.WriteAsync([Minute("vc01/vm-22", s_nineOClock, 30, 3), Minute("vc01/vm-23", s_nineOClock, 5, 1)], CancellationToken.None);

        await using var context = database.CreateContext();
        var rows = await context.MinuteSamples.AsNoTracking().OrderBy(r => r.ObjectId).ToListAsync();
        Assert.Equal(["vc01/vm-22", "vc01/vm-23"], rows.Select(r => r.ObjectId));
        Assert.Equal((30d, 3), (rows[0].Average, rows[0].Count));
    }

    [Fact]
    public async Task RunAsync_MinutesOfOneHour_WritesTheCountWeightedHour()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        await new SampleWriter(database).WriteAsync(
            [Minute("vc01/vm-22", s_nineOClock, 10, 1, min: 5, max: 15), Minute("vc01/vm-22", s_nineOClock + 60, 40, 3, min: 1, max: 90)],
            CancellationToken.None);

        var (hourly, _, pruned) = await new RollupMaintenance(database, new FakeTimeProvider(s_now)).RunAsync(RetentionPolicy.Default, CancellationToken.None);

        Assert.Equal(1, hourly);
        Assert.Equal(0, pruned);
        await using var context = database.CreateContext();
        var hour = Assert.Single(await context.HourlySamples.AsNoTracking().ToListAsync());
        Assert.Equal(s_nineOClock, hour.Timestamp);
        Assert.Equal(((10d * 1) + (40d * 3)) / 4, hour.Average);
        Assert.Equal((1d, 90d, 4), (hour.Minimum, hour.Maximum, hour.Count));
    }

    [Fact]
    public async Task RunAsync_Twice_LeavesTheSameRollups()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        await new SampleWriter(database).WriteAsync([Minute("vc01/vm-22", s_nineOClock, 10, 2)], CancellationToken.None);
        var maintenance = new RollupMaintenance(database, new FakeTimeProvider(s_now));

        await maintenance.RunAsync(RetentionPolicy.Default, CancellationToken.None);
        await maintenance.RunAsync(RetentionPolicy.Default, CancellationToken.None);

        await using var context = database.CreateContext();
        var hour = Assert.Single(await context.HourlySamples.AsNoTracking().ToListAsync());
        Assert.Equal((10d, 2), (hour.Average, hour.Count));
    }

    [Fact]
    public async Task RunAsync_DataPastItsRetention_IsPruned()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var threeDaysAgo = s_now.AddDays(-3).ToUnixTimeSeconds();
        await new SampleWriter(database).WriteAsync(
            [Minute("vc01/vm-22", threeDaysAgo - (threeDaysAgo % 60), 10, 1), Minute("vc01/vm-22", s_nineOClock, 10, 1)],
            CancellationToken.None);

        var (_, _, pruned) = await new RollupMaintenance(database, new FakeTimeProvider(s_now)).RunAsync(RetentionPolicy.Default, CancellationToken.None);

        Assert.Equal(1, pruned);
        await using var context = database.CreateContext();
        Assert.Equal([s_nineOClock], await context.MinuteSamples.Select(r => r.Timestamp).ToListAsync());
    }

    private static MinuteSampleRecord Minute(string objectId, long timestamp, double average, int count, double? min = null, double? max = null) => new()
    {
        ObjectId = objectId,
        Metric = "cpu.usage.average",
        Timestamp = timestamp,
        Average = average,
        Minimum = min ?? average,
        Maximum = max ?? average,
        Count = count,
    };
}
