using Microsoft.Extensions.Time.Testing;
using Monitoring.Storage;
using Monitoring.Storage.TipStores;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>Tip pruning on SQL Server, with no SQL Server here: the statements EF Core would send are captured and parsed
/// as T-SQL. (What they delete is tested on SQLite in <c>TipPruningTests</c>; the LINQ is the same.)</summary>
public sealed class TipPruningSqlServerTests
{
    [Fact]
    public async Task RunAsync_SqlServer_SendsTwoBatchedDeletesHistoryFirst_BothT_Sql()
    {
        var capture = new SqlCapture();
        var database = MonitoringDatabase.SqlServer(SqlServerTestDatabase.ConnectionString, [capture]);

        await new TipPruning(database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero))).RunAsync(TimeSpan.FromDays(90), CancellationToken.None);

        Assert.Equal(["TipHistory", "Tips"], TSql.BatchedDeletes(capture.Commands));
        Assert.Equal(2, capture.Commands.Count);
    }
}
