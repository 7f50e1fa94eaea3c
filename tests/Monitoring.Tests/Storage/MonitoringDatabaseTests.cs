using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;
using static Monitoring.Tests.Support.TestInventory;

namespace Monitoring.Tests.Storage;

public sealed class MonitoringDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task MigrateAsync_NewFile_LeavesItInWalMode()
    {
        var database = await TestDatabase.CreateAsync(_directory);

        // A separate connection, as the command line would open while the service runs.
        await using var connection = new SqliteConnection($"Data Source={database.Location}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        var mode = (string?)await command.ExecuteScalarAsync();

        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task MigrateAsync_AgainOnAnExistingFile_KeepsItsData()
    {
        var database = await TestDatabase.CreateAsync(_directory);
        var now = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        await new InventoryStore(database, new FakeTimeProvider(now)).ApplyAsync(Snapshot("vc01", now, [], [Vm("vc01", "vm-22", "web-01", null)]), now, CancellationToken.None);

        var reopened = MonitoringDatabase.Sqlite($"Data Source={TestDatabase.FileName}", _directory.Path);
        await reopened.MigrateAsync(CancellationToken.None);

        var inventory = await new InventoryReader(reopened).ReadAsync(includeGone: true, CancellationToken.None);
        Assert.Equal(["vc01/vm-22"], inventory.Vms.Select(v => v.Id));
    }

    [Fact]
    public async Task CreateContext_SqliteConnectionOpenedByEfOrDirectly_WaitsForAnotherWritersLockInsideSqlite()
    {
        // A writer that meets another's lock must go ahead as soon as it is free, not 150 ms later
        // (Microsoft.Data.Sqlite's own retry), whichever way its connection was opened.
        var database = await TestDatabase.CreateAsync(_directory);

        await using (var context = database.CreateContext())
        {
            await context.Database.OpenConnectionAsync();
            Assert.Equal(SqliteBusyTimeout.Milliseconds, await BusyTimeoutAsync((SqliteConnection)context.Database.GetDbConnection()));
        }

        await using (var context = database.CreateContext())
        {
            var connection = (SqliteConnection)context.Database.GetDbConnection();
            await connection.OpenAsync();
            Assert.Equal(SqliteBusyTimeout.Milliseconds, await BusyTimeoutAsync(connection));
        }
    }

    [Fact]
    public void Sqlite_RelativeDataSource_ResolvesAgainstTheBaseFolderAndCreatesIt()
    {
        var database = MonitoringDatabase.Sqlite("Data Source=data/monitoring.db", _directory.Path);

        Assert.Equal(_directory.Combine("data", "monitoring.db"), database.Location);
        Assert.True(Directory.Exists(_directory.Combine("data")));
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Mode=ReadWrite")]
    public void Sqlite_NoFile_IsRefused(string connectionString)
    {
        Assert.Throws<ArgumentException>(() => MonitoringDatabase.Sqlite(connectionString, _directory.Path));
    }

    private static async Task<long> BusyTimeoutAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
