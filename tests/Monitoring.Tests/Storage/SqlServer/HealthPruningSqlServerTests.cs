using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Monitoring.Storage;
using Monitoring.Storage.HealthStores;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>Pruning on SQL Server, with no SQL Server here: the statements EF Core would send are captured and parsed
/// as T-SQL. (What they delete, also batch by batch, is tested on SQLite in <c>HealthPruningTests</c>; the LINQ is the
/// same.) The stand-in deletes nothing, so each table takes one batch here.</summary>
public sealed class HealthPruningSqlServerTests
{
    [Fact]
    public async Task RunAsync_SqlServer_SendsFourBatchedDeletesAndOneQuery_AllOfThemT_Sql()
    {
        var capture = new SqlCapture();
        var database = MonitoringDatabase.SqlServer(SqlServerTestDatabase.ConnectionString, [capture]);
        var pruning = new HealthPruning(database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

        await pruning.RunAsync(HealthRetention.Default, CancellationToken.None);

        var deleted = new List<string>();
        foreach (var sql in capture.Commands)
        {
            var fragment = TSql.Parse(sql);
            foreach (var delete in TSql.All<DeleteSpecification>(fragment))
            {
                Assert.NotNull(delete.WhereClause); // never a whole table
                Assert.NotNull(delete.TopRowFilter); // in batches, below SQL Server's lock escalation
                deleted.Add(TSql.TableOf(delete));
            }
        }

        Assert.Equal(["StateChanges", "AlertComments", "Alerts", "AlertChanges"], deleted);
        Assert.Equal(5, capture.Commands.Count); // and the lowest export position, read once
    }
}
