using Microsoft.EntityFrameworkCore;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>Each provider's migration set matches the model: adding SQL Server left SQLite's alone.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SqliteMigrations_FreshFile_ApplyAndCreateEveryTable()
    {
        var database = await TestDatabase.CreateAsync(_directory);

        await using var context = database.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        var tables = await context.Database
            .SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .ToListAsync();

        // EF's own bookkeeping tables (history, migration lock) are not part of the model.
        Assert.Equal(
            ["AlertChanges", "AlertComments", "AlertExportPositions", "Alerts", "ApiKeys", "AuditTrail", "Clusters", "DailySamples", "Datacenters", "Datastores", "Hosts", "HourlySamples", "InventoryPasses", "MaintenanceWindows", "MinuteSamples", "StateChanges", "TipHistory", "Tips", "VirtualDisks", "Vms"],
            tables.Where(t => !t.StartsWith("__EF", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HasPendingModelChanges_SqliteContext_IsFalse()
    {
        using var context = MonitoringDatabase.Sqlite("Data Source=pending.db", _directory.Path).CreateContext();

        Assert.IsType<SqliteMonitoringDbContext>(context);
        Assert.False(context.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqliteMonitoringDbContext");
    }

    [Fact]
    public void HasPendingModelChanges_SqlServerContext_IsFalse()
    {
        using var context = SqlServerTestDatabase.CreateContext();

        Assert.False(context.Database.HasPendingModelChanges(), "run dotnet ef migrations add for SqlServerMonitoringDbContext");
    }

    [Fact]
    public void Migrations_EachContext_HasOnlyItsOwnSet()
    {
        using var sqlite = MonitoringDatabase.Sqlite("Data Source=sets.db", _directory.Path).CreateContext();
        using var sqlServer = SqlServerTestDatabase.CreateContext();

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.Empty(sqliteMigrations.Intersect(sqlServerMigrations, StringComparer.Ordinal));
    }
}
