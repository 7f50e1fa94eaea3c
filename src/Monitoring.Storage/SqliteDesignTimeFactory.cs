using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without the service.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMonitoringDbContext>
{
    public SqliteMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMonitoringDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
