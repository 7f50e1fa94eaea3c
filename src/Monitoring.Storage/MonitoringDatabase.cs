using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Monitoring.Storage;

/// <summary>Opens the configured database: creates contexts and brings the schema up to date.</summary>
public sealed class MonitoringDatabase
{
    private readonly DbContextOptions<SqliteMonitoringDbContext> _sqliteOptions;

    private MonitoringDatabase(DbContextOptions<SqliteMonitoringDbContext> sqliteOptions, string location)
    {
        _sqliteOptions = sqliteOptions;
        Location = location;
    }

    /// <summary>Where the data lives, for messages: a file path for SQLite. Never holds a password.</summary>
    public string Location { get; }

    /// <summary>A SQLite database; a relative <c>Data Source</c> resolves against <paramref name="baseDirectory"/>,
    /// and its folder is created when missing.</summary>
    public static MonitoringDatabase Sqlite(string connectionString, string baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("the SQLite connection string needs a file in Data Source", nameof(connectionString));
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, baseDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        var options = new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
            .UseSqlite(builder.ConnectionString)
            .Options;
        return new MonitoringDatabase(options, builder.DataSource);
    }

    /// <summary>A new unit of work. The caller disposes it.</summary>
    public MonitoringDbContext CreateContext() => new SqliteMonitoringDbContext(_sqliteOptions);

    /// <summary>Applies pending migrations, then switches SQLite to WAL so the service and the
    /// command line can use one file at once (the mode is stored in the file and survives).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
    }
}
