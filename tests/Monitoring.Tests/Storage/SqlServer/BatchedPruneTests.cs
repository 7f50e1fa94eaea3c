using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>SQL Server prunes in batches. Its loop is provider-neutral, so it runs here against a real SQLite
/// file with a batched SQLite delete standing in for <c>DELETE TOP (@batch)</c>.</summary>
public sealed class BatchedPruneTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 10, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(5, 2, 3)]  // short last batch ends the loop
    [InlineData(4, 2, 3)]  // a full last batch needs one empty batch to be sure
    [InlineData(0, 2, 1)]
    public async Task RunAsync_BatchedPrune_DeletesEveryOldRowBatchByBatch(int oldRows, int batch, int minuteStatements)
    {
        var sql = new BatchedSqliteSampleSql(batch);
        var database = (await TestDatabase.CreateAsync(_directory)).WithSampleSql(sql);
        var old = s_now.AddDays(-3).ToUnixTimeSeconds() / 60 * 60;
        var recent = s_now.AddHours(-1).ToUnixTimeSeconds() / 60 * 60;
        await new SampleWriter(database).WriteAsync(
            [.. Enumerable.Range(0, oldRows).Select(i => Minute(old + (i * 60))), Minute(recent)],
            CancellationToken.None);

        var (_, _, pruned) = await new RollupMaintenance(database, new FakeTimeProvider(s_now)).RunAsync(RetentionPolicy.Default, CancellationToken.None);

        Assert.Equal(oldRows, pruned);
        Assert.Equal(minuteStatements, sql.PrunesOf("MinuteSamples"));
        await using var context = database.CreateContext();
        Assert.Equal([recent], await context.MinuteSamples.Select(r => r.Timestamp).ToListAsync());
    }

    private static MinuteSampleRecord Minute(long timestamp) => new()
    {
        ObjectId = "vc01/vm-22",
        Metric = "cpu.usage.average",
        Timestamp = timestamp,
        Average = 1,
        Minimum = 1,
        Maximum = 1,
        Count = 1,
    };
}
