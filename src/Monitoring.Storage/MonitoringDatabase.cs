using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Monitoring.Storage.Sql;

namespace Monitoring.Storage;

/// <summary>Opens the configured database: creates contexts and brings the schema up to date.</summary>
public sealed class MonitoringDatabase
{
    private readonly Func<MonitoringDbContext> _createContext;

    private MonitoringDatabase(StorageProvider provider, Func<MonitoringDbContext> createContext, string location, ISampleSql sampleSql)
    {
        Provider = provider;
        _createContext = createContext;
        Location = location;
        SampleSql = sampleSql;
    }

    /// <summary>The engine behind this database; picks provider-specific SQL.</summary>
    public StorageProvider Provider { get; }

    /// <summary>Where the data lives, for messages: a file path for SQLite, <c>server/database</c> for SQL Server.
    /// Never holds a password.</summary>
    public string Location { get; }

    /// <summary>The raw SQL this provider runs for performance samples.</summary>
    internal ISampleSql SampleSql { get; }

    /// <summary>Opens the database of <paramref name="provider"/>: <c>Sqlite</c> or <c>SqlServer</c>, case ignored
    /// (the values of <c>Monitoring:Storage:Provider</c>).</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="connectionString">That provider's connection string.</param>
    /// <param name="baseDirectory">What a relative SQLite <c>Data Source</c> resolves against; SQL Server ignores it.</param>
    /// <exception cref="ArgumentException">An unknown provider, or a connection string the provider cannot use.</exception>
    public static MonitoringDatabase Create(string provider, string connectionString, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(provider);

        // Compared by name rather than Enum.TryParse, which would also accept "1" or "Sqlite,SqlServer".
        if (provider.Equals(nameof(StorageProvider.Sqlite), StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite(connectionString, baseDirectory);
        }

        if (provider.Equals(nameof(StorageProvider.SqlServer), StringComparison.OrdinalIgnoreCase))
        {
            return SqlServer(connectionString);
        }

        throw new ArgumentException($"'{provider}' is not a storage provider; use {nameof(StorageProvider.Sqlite)} or {nameof(StorageProvider.SqlServer)}", nameof(provider));
    }

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
            .AddInterceptors(SqliteBusyTimeout.Instance)
            .Options;
        return new MonitoringDatabase(StorageProvider.Sqlite, () => new SqliteMonitoringDbContext(options), builder.DataSource, new SqliteSampleSql());
    }

    /// <summary>A SQL Server database. Nothing is contacted until a context is used.</summary>
    /// <remarks>No retrying execution strategy: <see cref="InventoryStore"/> opens its own transactions, which
    /// such a strategy refuses, and every pass and flush is retried by its schedule anyway.</remarks>
    /// <exception cref="ArgumentException">The string cannot be parsed, or names no server.</exception>
    public static MonitoringDatabase SqlServer(string connectionString) => SqlServer(connectionString, []);

    /// <summary>The same, with EF Core interceptors on every context: lets tests read the SQL a SQL Server would be
    /// sent without one.</summary>
    internal static MonitoringDatabase SqlServer(string connectionString, IReadOnlyList<IInterceptor> interceptors)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("the SQL Server connection string needs a server in Data Source (or Server)", nameof(connectionString));
        }

        var options = new DbContextOptionsBuilder<SqlServerMonitoringDbContext>()
            .UseSqlServer(connectionString)
            .AddInterceptors(interceptors)
            .Options;
        return new MonitoringDatabase(StorageProvider.SqlServer, () => new SqlServerMonitoringDbContext(options), DescribeSqlServer(builder), new SqlServerSampleSql());
    }

    /// <summary>The same database running other sample SQL: lets tests drive SQL Server's batched prune
    /// against a real SQLite file.</summary>
    internal MonitoringDatabase WithSampleSql(ISampleSql sampleSql) => new(Provider, _createContext, Location, sampleSql);

    /// <summary>A new unit of work. The caller disposes it.</summary>
    public MonitoringDbContext CreateContext() => _createContext();

    /// <summary>Applies this provider's pending migrations. On SQLite it then switches to WAL so the service and
    /// the command line can use one file at once (the mode is stored in the file and survives).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (Provider == StorageProvider.Sqlite)
        {
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Server and database only: the rest of a connection string may hold a password.</summary>
    private static string DescribeSqlServer(SqlConnectionStringBuilder builder)
    {
        var database = string.IsNullOrWhiteSpace(builder.InitialCatalog) ? "(default database)" : builder.InitialCatalog;
        return $"{builder.DataSource}/{database}";
    }
}
