using Microsoft.Extensions.Time.Testing;
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

        Assert.Equal(["StateChanges", "AlertComments", "Alerts", "AlertChanges"], TSql.BatchedDeletes(capture.Commands));
        Assert.Equal(5, capture.Commands.Count); // and the lowest export position, read once
    }
}
