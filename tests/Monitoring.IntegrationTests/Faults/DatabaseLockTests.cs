using Microsoft.Data.Sqlite;
using Monitoring.Core.Performance;
using Monitoring.IntegrationTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>The SQLite file locked by another process for a minute while the service runs: realtime passes
/// go on, their minute averages wait in the buffer, and once the lock is gone every minute of the locked
/// window of every running VM and host is stored. Nothing is dropped.</summary>
public sealed class DatabaseLockTests
{
    private const string Target = "vc1";
    private static readonly TimeSpan s_lock = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper _output;

    public DatabaseLockTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Run_DatabaseLockedForAMinute_BuffersSamplesAndLosesNone()
    {
        await using var simulator = await Simulator.StartAsync(FaultRun.SmallModel);

        // Inventory once at start only: this test is about samples, and an inventory pass would have to
        // wait for the lock like any other write.
        await using var run = await FaultRun.StartAsync(
            new { FirstPollWithinSeconds = 1, RealtimeIntervalSeconds = 5, InventoryIntervalSeconds = 600 },
            FaultRun.Target(Target, simulator.Endpoint.Url, simulator.Endpoint.Thumbprint, 10));
        var before = await run.WaitForAsync("both targets collected and their samples written", TimeSpan.FromSeconds(60), m =>
            m.Pass(ServiceMetrics.Success, HealthyTarget.Name, "realtime") == 1 &&
            m.Pass(ServiceMetrics.Success, Target, "inventory") == 1 &&
            m.Pass(ServiceMetrics.Success, Target, "realtime") == 1 &&
            m.Value(ServiceMetrics.Written) > 0 &&
            m.Value(ServiceMetrics.Buffered) == 0);
        run.Healthy.Begin(before);

        var expected = new List<string>();
        foreach (var (target, endpoint) in new[] { (Target, simulator), (HealthyTarget.Name, run.HealthySimulator) })
        {
            var inventory = await PyVmomi.InventoryAsync(endpoint, target);
            expected.AddRange(inventory.GetProperty("hosts").EnumerateArray().Select(h => h.GetProperty("id").GetString()!));
            expected.AddRange(inventory.GetProperty("vms").EnumerateArray().Where(v => v.GetProperty("powerState").GetString() == "poweredOn").Select(v => v.GetProperty("id").GetString()!));
        }

        using var holder = await DatabaseLockHolder.LockAsync(run.DatabasePath, s_lock);
        var released = holder.WaitForReleaseAsync(s_lock + TimeSpan.FromSeconds(30));
        var atLock = await run.ScrapeAsync();
        var writtenAtLock = atLock.Value(ServiceMetrics.Written);
        var lastSuccess = atLock.Pass(ServiceMetrics.LastSuccess, Target, "realtime")!.Value;
        var lastSuccessAtLock = lastSuccess;
        double maxBuffered = 0;
        while (!released.IsCompleted)
        {
            var during = await run.ScrapeAsync();
            maxBuffered = Math.Max(maxBuffered, during.Value(ServiceMetrics.Buffered) ?? 0);
            Assert.Equal(1, during.Pass(ServiceMetrics.Success, Target, "realtime"));
            lastSuccess = during.Pass(ServiceMetrics.LastSuccess, Target, "realtime")!.Value;
            await run.AssertAliveAsync();
            await Task.WhenAny(released, Task.Delay(1000));
        }

        await released;
        Assert.True(maxBuffered > 0, "nothing was buffered while the database was locked");

        // Realtime passes went on all through the minute (5 s apart): the last one came late in it.
        Assert.True(lastSuccess - lastSuccessAtLock > 40, $"realtime passes stalled during the lock: last success {lastSuccess - lastSuccessAtLock:0.0} s after the lock began");

        // After the lock: the buffer drains (the flusher retries with a backoff of at most 30 s).
        var after = await run.WaitForAsync("the buffer written out after the lock", TimeSpan.FromSeconds(45), m =>
            m.Value(ServiceMetrics.Buffered) == 0 && m.Value(ServiceMetrics.Written) > writtenAtLock);
        Assert.Equal(0, after.Value(ServiceMetrics.Dropped));
        _output.WriteLine($"held {holder.ReleasedAt - holder.LockedAt:0.0} s; at most {maxBuffered} minute rows buffered; drained {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 - holder.ReleasedAt:0.0} s after the release");

        // Every minute that had a realtime pass while the lock was held: from the minute the lock began
        // to the minute of the last pass before it ended (passes are 5 s apart; 1 s of slack).
        var first = MinuteAggregator.MinuteOf((long)holder.LockedAt);
        var last = MinuteAggregator.MinuteOf((long)holder.ReleasedAt!.Value - 6);
        var stored = await StoredMinutesAsync(run.DatabasePath);
        var missing = new List<string>();
        foreach (var objectId in expected)
        {
            Assert.True(stored.ContainsKey(objectId), $"no samples at all for {objectId}");
            var metrics = stored[objectId].Values.SelectMany(m => m).ToHashSet(StringComparer.Ordinal);
            for (var minute = first; minute <= last; minute += 60)
            {
                var at = stored[objectId].GetValueOrDefault(minute) ?? [];
                missing.AddRange(metrics.Where(m => !at.Contains(m)).Select(m => $"{objectId} {m} @{DateTimeOffset.FromUnixTimeSeconds(minute):HH:mm}"));
            }
        }

        _output.WriteLine($"checked {expected.Count} objects over {((last - first) / 60) + 1} minutes");
        Assert.True(missing.Count == 0, $"minutes lost (lock {DateTimeOffset.FromUnixTimeMilliseconds((long)(holder.LockedAt * 1000)):HH:mm:ss}-{DateTimeOffset.FromUnixTimeMilliseconds((long)(holder.ReleasedAt.Value * 1000)):HH:mm:ss}):\n{string.Join('\n', missing)}");
        await run.AssertHealthyAsync();
        Assert.Equal(0, await run.StopAsync());
    }

    /// <summary>Object id -> minute -> the metrics stored for that minute.</summary>
    private static async Task<Dictionary<string, Dictionary<long, HashSet<string>>>> StoredMinutesAsync(string databasePath)
    {
        var result = new Dictionary<string, Dictionary<long, HashSet<string>>>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"ObjectId\", \"Timestamp\", \"Metric\" FROM \"MinuteSamples\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!result.TryGetValue(reader.GetString(0), out var minutes))
            {
                minutes = [];
                result[reader.GetString(0)] = minutes;
            }

            if (!minutes.TryGetValue(reader.GetInt64(1), out var metrics))
            {
                metrics = new HashSet<string>(StringComparer.Ordinal);
                minutes[reader.GetInt64(1)] = metrics;
            }

            metrics.Add(reader.GetString(2));
        }

        return result;
    }
}
