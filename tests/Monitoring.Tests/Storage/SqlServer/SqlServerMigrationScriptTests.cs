using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;
using Xunit.Abstractions;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>The DDL SQL Server would run, from EF's own script generation, parsed as T-SQL.</summary>
public sealed class SqlServerMigrationScriptTests
{
    private static readonly string[] s_modelTables =
        ["AlertChanges", "AlertComments", "AlertExportPositions", "Alerts", "ApiKeys", "AuditTrail", "Clusters", "DailySamples", "Datacenters", "Datastores", "Hosts", "HourlySamples", "InventoryPasses", "MaintenanceWindows", "MinuteSamples", "StateChanges", "TipHistory", "Tips", "VirtualDisks", "Vms"];

    private readonly ITestOutputHelper _output;

    public SqlServerMigrationScriptTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void GenerateCreateScript_SqlServerModel_ParsesAsTSqlWithoutErrors()
    {
        using var context = SqlServerTestDatabase.CreateContext();

        var script = context.Database.GenerateCreateScript();

        _output.WriteLine(script);
        TSql.Parse(script);
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void MigrationScript_FromAnEmptyDatabase_ParsesAsTSqlWithoutErrors(MigrationsSqlGenerationOptions options)
    {
        var script = MigrationScript(options);

        _output.WriteLine(script);
        TSql.Parse(script);
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void MigrationScript_FromAnEmptyDatabase_CreatesEveryTableOfTheModel(MigrationsSqlGenerationOptions options)
    {
        var created = TSql.All<CreateTableStatement>(TSql.Parse(MigrationScript(options)))
            .Select(t => t.SchemaObjectName.BaseIdentifier.Value)
            .Where(name => name != "__EFMigrationsHistory")
            .Order(StringComparer.Ordinal);

        using var context = SqlServerTestDatabase.CreateContext();
        var modelTables = context.Model.GetEntityTypes().Select(e => e.GetTableName()!).Order(StringComparer.Ordinal);
        Assert.Equal(s_modelTables, modelTables);
        Assert.Equal(s_modelTables, created);
    }

    [Fact]
    public void MigrationScript_SampleTables_AreClusteredOnTimeWithANonClusteredKey()
    {
        var script = TSql.Parse(MigrationScript(MigrationsSqlGenerationOptions.Default));

        foreach (var table in new[] { "MinuteSamples", "HourlySamples", "DailySamples" })
        {
            var create = Assert.Single(TSql.All<CreateTableStatement>(script), t => t.SchemaObjectName.BaseIdentifier.Value == table);
            var key = Assert.Single(TSql.All<UniqueConstraintDefinition>(create), c => c.IsPrimaryKey);
            Assert.False(key.Clustered, $"{table}: the primary key must be non-clustered");
            var index = Assert.Single(TSql.All<CreateIndexStatement>(script), i => i.OnName.BaseIdentifier.Value == table);
            Assert.True(index.Clustered, $"{table}: the time index must be the clustered one");
            Assert.Equal(["Timestamp"], index.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value));
        }
    }

    [Fact]
    public void MigrationScript_BootTimes_ANullableDateTimeOffsetOnHostsAndVms()
    {
        var script = TSql.Parse(MigrationScript(MigrationsSqlGenerationOptions.Default));

        var added = TSql.All<AlterTableAddTableElementStatement>(script)
            .SelectMany(a => a.Definition.ColumnDefinitions.Select(c => (Table: a.SchemaObjectName.BaseIdentifier.Value, Column: c)))
            .Where(a => a.Column.ColumnIdentifier.Value == "BootedAt")
            .Select(a => $"{a.Table} {((SqlDataTypeReference)a.Column.DataType).SqlDataTypeOption} "
                + (a.Column.Constraints.OfType<NullableConstraintDefinition>().Any(n => !n.Nullable) ? "NOT NULL" : "NULL"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Hosts DateTimeOffset NULL", "Vms DateTimeOffset NULL"], added);
    }

    private static string MigrationScript(MigrationsSqlGenerationOptions options)
    {
        using var context = SqlServerTestDatabase.CreateContext();
        return context.GetService<IMigrator>().GenerateScript(options: options);
    }
}
