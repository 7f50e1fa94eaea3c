using Monitoring.Storage;

namespace Monitoring.Tests.Storage.SqlServer;

/// <summary>A SQL Server database that is never contacted: script generation and the model need only the provider.</summary>
internal static class SqlServerTestDatabase
{
    /// <summary>Port 1 on loopback with a one-second timeout: a test that did try to connect would fail fast
    /// and loudly rather than find a server by chance.</summary>
    public const string ConnectionString = "Server=tcp:127.0.0.1,1;Database=Monitoring;User ID=monitoring;Password=never-sent;Connect Timeout=1;Encrypt=false";

    public static MonitoringDatabase Create() => MonitoringDatabase.SqlServer(ConnectionString);

    public static SqlServerMonitoringDbContext CreateContext() => (SqlServerMonitoringDbContext)Create().CreateContext();
}
