using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>The SQL Server flavour of the database, with its own migrations in <c>Migrations/SqlServer</c>.</summary>
/// <remarks><see cref="DateTimeOffset"/> maps to SQL Server's own <c>datetimeoffset</c>, so unlike SQLite
/// this flavour needs no converter: times stay readable and comparable in SQL.</remarks>
public sealed class SqlServerMonitoringDbContext : MonitoringDbContext
{
    /// <summary>The collation of every identifier column (ids, targets, metric names).</summary>
    /// <remarks>The code matches identifiers by ordinal (<see cref="StringComparer.Ordinal"/>), and so does
    /// SQLite. SQL Server's usual default collation is case-insensitive: two ids differing only in case would
    /// collide on the key, and a lookup by target would match another target's rows. A binary collation makes
    /// SQL Server compare the way the code does. Every column that holds or references an id shares it, so
    /// joins between them never hit a collation conflict.</remarks>
    internal const string IdentifierCollation = "Latin1_General_100_BIN2";

    public SqlServerMonitoringDbContext(DbContextOptions<SqlServerMonitoringDbContext> options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        UseOrdinalIdentifiers(modelBuilder);
        ClusterByTime<MinuteSampleRecord>(modelBuilder);
        ClusterByTime<HourlySampleRecord>(modelBuilder);
        ClusterByTime<DailySampleRecord>(modelBuilder);
    }

    private static void UseOrdinalIdentifiers(ModelBuilder modelBuilder)
    {
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(string) && IsIdentifier(property.Name))
            {
                property.SetCollation(IdentifierCollation);
            }
        }
    }

    private static bool IsIdentifier(string propertyName) =>
        propertyName is "Target" or "Metric" || propertyName.EndsWith("Id", StringComparison.Ordinal);

    /// <summary>Sample tables are clustered on time, and their key is a non-clustered primary key.</summary>
    /// <remarks>The key (object id, metric, time) can be 936 bytes wide, over SQL Server's 900-byte limit for a
    /// clustered index (inserts of long ids would fail); a non-clustered index allows 1,700. Clustering on time
    /// suits the table anyway: rows arrive in time order (no page splits), and rollups and pruning read and
    /// delete ranges of time.</remarks>
    private static void ClusterByTime<TRecord>(ModelBuilder modelBuilder)
        where TRecord : SampleAggregate
    {
        var entity = modelBuilder.Entity<TRecord>();
        entity.HasKey(r => new { r.ObjectId, r.Metric, r.Timestamp }).IsClustered(false);
        entity.HasIndex(r => r.Timestamp).IsClustered();
    }
}
