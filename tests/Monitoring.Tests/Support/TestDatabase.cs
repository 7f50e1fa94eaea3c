using Monitoring.Storage;

namespace Monitoring.Tests.Support;

/// <summary>A migrated SQLite database in a fresh file of a <see cref="TempDirectory"/>.</summary>
internal static class TestDatabase
{
    public const string FileName = "monitoring.db";

    public static async Task<MonitoringDatabase> CreateAsync(TempDirectory directory)
    {
        var database = MonitoringDatabase.Sqlite($"Data Source={FileName}", directory.Path);
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }
}
