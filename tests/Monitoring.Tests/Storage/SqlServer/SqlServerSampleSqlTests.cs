using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Monitoring.Storage;
using Monitoring.Storage.Records;
using Monitoring.Storage.Sql;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>The T-SQL the sample writer and the rollups send SQL Server, parsed and checked against the model.</summary>
public sealed class SqlServerSampleSqlTests
{
    private static readonly SqlServerSampleSql s_sql = new();

    /// <summary>Every statement of <see cref="SqlServerSampleSql"/>, with the arguments the product uses.</summary>
    public static TheoryData<string, string> Statements => new()
    {
        { "create staging", SqlServerSampleSql.CreateStaging },
        { "merge staging", SqlServerSampleSql.MergeStaging },
        { "drop staging", SqlServerSampleSql.DropStaging },
        { "roll up hours", s_sql.RollUp("MinuteSamples", "HourlySamples", 3600) },
        { "roll up days", s_sql.RollUp("HourlySamples", "DailySamples", 86400) },
        { "prune minutes", s_sql.Prune("MinuteSamples") },
        { "prune hours", s_sql.Prune("HourlySamples") },
        { "prune days", s_sql.Prune("DailySamples") },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_Parsed_HasNoErrors(string name, string sql)
    {
        var script = TSql.Parse(sql);

        Assert.True(TSql.All<TSqlStatement>(script).Count > 0, $"{name}: no statement parsed");
    }

    [Theory]
    [InlineData("MinuteSamples", "HourlySamples", 3600)]
    [InlineData("HourlySamples", "DailySamples", 86400)]
    public void RollUp_EveryBucket_IsOneMergeThatHoldsTheKeyRangeLock(string source, string target, long bucket)
    {
        var merge = Assert.Single(TSql.All<MergeStatement>(TSql.Parse(s_sql.RollUp(source, target, bucket))));

        AssertHoldsLock(merge, target);
    }

    [Fact]
    public void MergeStaging_Upsert_IsOneMergeThatHoldsTheKeyRangeLock()
    {
        var merge = Assert.Single(TSql.All<MergeStatement>(TSql.Parse(SqlServerSampleSql.MergeStaging)));

        AssertHoldsLock(merge, "MinuteSamples");
        Assert.Equal(2, merge.MergeSpecification.ActionClauses.Count); // update when matched, insert when not
    }

    [Fact]
    public void Prune_Batched_DeletesAtMostOneBatchPerStatement()
    {
        var delete = Assert.Single(TSql.All<DeleteStatement>(TSql.Parse(s_sql.Prune("MinuteSamples"))));

        var top = Assert.IsType<TopRowFilter>(delete.DeleteSpecification.TopRowFilter);
        Assert.Equal("@batch", Assert.Single(TSql.All<VariableReference>(top)).Name);
        Assert.True(s_sql.PruneBatchSize is > 0 and < 5000, "batches stay under SQL Server's lock escalation threshold");
    }

    [Fact]
    public void CreateStaging_Columns_MatchMinuteSamplesInTheSqlServerModel()
    {
        var create = Assert.Single(TSql.All<CreateTableStatement>(TSql.Parse(SqlServerSampleSql.CreateStaging)));
        var staging = create.Definition.ColumnDefinitions.Select(c => (
            Name: c.ColumnIdentifier.Value,
            Type: ScriptType(c.DataType),
            Collation: c.Collation?.Value));

        using var context = SqlServerTestDatabase.CreateContext();
        var model = context.GetService<IDesignTimeModel>().Model;
        var table = model.FindEntityType(typeof(MinuteSampleRecord))!;
        var columns = table.GetProperties().Select(p => (Name: p.GetColumnName(), Type: p.GetColumnType(), Collation: p.GetCollation()));

        Assert.Equal(columns.OrderBy(c => c.Name, StringComparer.Ordinal), staging.OrderBy(c => c.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void ToStagingTable_Columns_AreTheStagingTableColumnsInOrder()
    {
        var create = Assert.Single(TSql.All<CreateTableStatement>(TSql.Parse(SqlServerSampleSql.CreateStaging)));

        using var table = SampleWriter.ToStagingTable([]);

        Assert.Equal(
            create.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value),
            table.Columns.Cast<System.Data.DataColumn>().Select(c => c.ColumnName));
    }

    [Fact]
    public void LastPerKey_SameKeyTwice_KeepsTheLastRowInFirstSeenOrder()
    {
        var rows = new[] { Row("vc01/vm-1", 1), Row("vc01/vm-2", 2), Row("vc01/vm-1", 3), Row("VC01/vm-1", 4) };

        var kept = SampleWriter.LastPerKey(rows);

        // Ids compare by ordinal, like the binary collation of the key columns: "VC01/vm-1" is another object.
        Assert.Equal([("vc01/vm-1", 3d), ("vc01/vm-2", 2d), ("VC01/vm-1", 4d)], kept.Select(r => (r.ObjectId, r.Average)));
    }

    private static void AssertHoldsLock(MergeStatement merge, string target)
    {
        var table = Assert.IsType<NamedTableReference>(merge.MergeSpecification.Target);
        Assert.Equal(target, table.SchemaObject.BaseIdentifier.Value);
        Assert.Contains(table.TableHints, h => h.HintKind == TableHintKind.HoldLock);
    }

    /// <summary>A column type as EF writes it: <c>nvarchar(400)</c>, <c>bigint</c>.</summary>
    private static string ScriptType(DataTypeReference type)
    {
        var name = type.Name.BaseIdentifier.Value;
        return type is ParameterizedDataTypeReference { Parameters.Count: > 0 } sized
            ? $"{name}({string.Join(",", sized.Parameters.Select(p => p.Value))})"
            : name;
    }

    private static MinuteSampleRecord Row(string objectId, double average) => new()
    {
        ObjectId = objectId,
        Metric = "cpu.usage.average",
        Timestamp = 1_790_000_000,
        Average = average,
        Minimum = average,
        Maximum = average,
        Count = 1,
    };
}
