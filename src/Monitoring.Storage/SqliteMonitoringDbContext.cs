using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Monitoring.Storage;

/// <summary>The SQLite flavour of the database, with its own migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteMonitoringDbContext : MonitoringDbContext
{
    public SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type; EF's default TEXT form cannot be compared or ordered in SQL.
        // A binary (integer) form can, and every time we store is UTC, so ordering is exact.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
