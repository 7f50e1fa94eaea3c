using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Monitoring.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> and <c>migrations script</c> build the SQL Server context
/// without the service.</summary>
/// <remarks>Neither command opens a connection, so the server named here need not exist.</remarks>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMonitoringDbContext>
{
    public SqlServerMonitoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMonitoringDbContext>()
            .UseSqlServer("Server=design-time;Database=Monitoring;Integrated Security=true")
            .Options);
}
