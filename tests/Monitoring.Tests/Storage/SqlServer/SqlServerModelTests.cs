using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>What the parser cannot see: limits and types a real SQL Server would enforce on the model.</summary>
public sealed class SqlServerModelTests
{
    /// <summary>SQL Server's key-size limits: a wider key is created with a warning, then inserts of long
    /// values fail.</summary>
    private const int ClusteredKeyBytes = 900;
    private const int NonClusteredKeyBytes = 1700;

    [Fact]
    public void KeysAndIndexes_EveryOne_FitsSqlServerKeySizeLimits()
    {
        var model = DesignTimeModel();
        var problems = new List<string>();

        foreach (var entity in model.GetEntityTypes())
        {
            var key = entity.FindPrimaryKey()!;
            Check(entity, "primary key", key.Properties, key.IsClustered() ?? true, problems);
            foreach (var index in entity.GetIndexes())
            {
                Check(entity, index.GetDatabaseName() ?? "index", index.Properties, index.IsClustered() ?? false, problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void DateTimeOffsetProperties_SqlServer_AreNativeDatetimeoffsetWithoutConverter()
    {
        var properties = DesignTimeModel().GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => Nullable.GetUnderlyingType(p.ClrType) == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset))
            .ToList();

        Assert.NotEmpty(properties);
        Assert.All(properties, p =>
        {
            Assert.Equal("datetimeoffset", p.GetColumnType());
            Assert.Null(p.GetValueConverter());
        });
    }

    [Fact]
    public void IdentifierColumns_SqlServer_ShareTheBinaryCollation()
    {
        var collations = DesignTimeModel().GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => p.ClrType == typeof(string))
            .ToDictionary(p => $"{p.DeclaringType.GetTableName()}.{p.GetColumnName()}", p => p.GetCollation(), StringComparer.Ordinal);

        // Ids and the columns that reference them must share one collation, or a join between them fails.
        foreach (var column in new[] { "Vms.Id", "Vms.HostId", "Hosts.Id", "Hosts.ClusterId", "Hosts.DatacenterId", "Clusters.Id", "Datastores.DatacenterId", "Datacenters.Id", "MinuteSamples.ObjectId", "MinuteSamples.Metric", "InventoryPasses.Target", "Vms.Target", "VirtualDisks.Id", "VirtualDisks.VmId" })
        {
            Assert.Equal("Latin1_General_100_BIN2", collations[column]);
        }

        // Display text keeps the database's collation (a natural, case-insensitive sort for people).
        Assert.Null(collations["Vms.Name"]);
    }

    [Fact]
    public void EnumColumns_BothProviders_HoldEveryValueName()
    {
        using var directory = new TempDirectory();
        using var sqlite = MonitoringDatabase.Sqlite("Data Source=enums.db", directory.Path).CreateContext();
        using var sqlServer = SqlServerTestDatabase.CreateContext();
        var problems = new List<string>();

        foreach (var context in new DbContext[] { sqlite, sqlServer })
        {
            foreach (var property in context.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
            {
                var enumType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (!enumType.IsEnum)
                {
                    continue;
                }

                // SQLite ignores a declared length; SQL Server refuses a value longer than the column.
                var longest = Enum.GetNames(enumType).Max(n => n.Length);
                if (property.GetMaxLength() is not { } length || longest > length)
                {
                    problems.Add($"{context.GetType().Name}: {property.DeclaringType.DisplayName()}.{property.Name} holds {longest} characters, column allows {property.GetMaxLength()}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IModel DesignTimeModel()
    {
        using var context = SqlServerTestDatabase.CreateContext();
        return context.GetService<IDesignTimeModel>().Model;
    }

    private static void Check(IEntityType entity, string what, IReadOnlyList<IProperty> properties, bool clustered, List<string> problems)
    {
        var bytes = properties.Sum(p => Bytes(p.GetColumnType()));
        var limit = clustered ? ClusteredKeyBytes : NonClusteredKeyBytes;
        if (bytes > limit)
        {
            problems.Add($"{entity.GetTableName()} {what} ({string.Join(", ", properties.Select(p => p.Name))}): {bytes} bytes, over the {limit}-byte limit of a {(clustered ? "clustered" : "non-clustered")} index");
        }
    }

    /// <summary>The largest size of a value of <paramref name="storeType"/> in an index key.</summary>
    private static int Bytes(string storeType) => storeType switch
    {
        "bit" => 1,
        "int" => 4,
        "bigint" or "float" => 8,
        "datetimeoffset" => 10,
        _ when storeType.StartsWith("nvarchar(", StringComparison.Ordinal) && !storeType.Contains("max", StringComparison.Ordinal) =>
            2 * int.Parse(storeType["nvarchar(".Length..^1], CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"no key size known for '{storeType}': add it here"),
    };
}
