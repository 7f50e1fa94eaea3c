using Monitoring.Storage;
using Monitoring.Tests.Support;
using Xunit;

namespace Monitoring.Tests.Storage.SqlServer;

public sealed class MonitoringDatabaseSqlServerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("Server=db01.corp.example;Database=Monitoring;User ID=monitoring;Password=S3cret!pw;Encrypt=true", "db01.corp.example/Monitoring")]
    [InlineData("Data Source=tcp:db01,1433;Initial Catalog=Monitoring;UID=monitoring;PWD=S3cret!pw", "tcp:db01,1433/Monitoring")]
    [InlineData("Server=db01;Password=S3cret!pw;User ID=sa", "db01/(default database)")]
    public void Location_SqlServerStringWithPassword_ShowsServerAndDatabaseOnly(string connectionString, string expected)
    {
        var database = MonitoringDatabase.SqlServer(connectionString);

        Assert.Equal(expected, database.Location);
        Assert.DoesNotContain("S3cret", database.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SqlServer")]
    [InlineData("sqlserver")]
    [InlineData("SQLSERVER")]
    public void Create_SqlServerInAnyCase_OpensSqlServer(string provider)
    {
        var database = MonitoringDatabase.Create(provider, SqlServerTestDatabase.ConnectionString, _directory.Path);

        Assert.Equal(StorageProvider.SqlServer, database.Provider);
        using var context = database.CreateContext();
        Assert.IsType<SqlServerMonitoringDbContext>(context);
        Assert.Equal("127.0.0.1,1/Monitoring", database.Location.Replace("tcp:", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    [InlineData("SQLITE")]
    public void Create_SqliteInAnyCase_OpensTheSqliteFile(string provider)
    {
        var database = MonitoringDatabase.Create(provider, "Data Source=data/monitoring.db", _directory.Path);

        Assert.Equal(StorageProvider.Sqlite, database.Provider);
        Assert.Equal(_directory.Combine("data", "monitoring.db"), database.Location);
        using var context = database.CreateContext();
        Assert.IsType<SqliteMonitoringDbContext>(context);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("1")]
    [InlineData("Sqlite,SqlServer")]
    [InlineData("")]
    public void Create_UnknownProvider_IsRefusedNamingTheProviders(string provider)
    {
        var e = Assert.Throws<ArgumentException>(() => MonitoringDatabase.Create(provider, "Data Source=x.db", _directory.Path));

        Assert.Equal("provider", e.ParamName);
        Assert.Contains("use Sqlite or SqlServer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_NoServer_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => MonitoringDatabase.SqlServer("Database=Monitoring;Integrated Security=true"));

        Assert.Contains("needs a server", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_UnknownKeyword_IsRefusedWithoutEchoingValues()
    {
        var e = Assert.Throws<ArgumentException>(() => MonitoringDatabase.SqlServer("Server=db01;Pasword=S3cret!pw"));

        Assert.DoesNotContain("S3cret", e.Message, StringComparison.Ordinal);
    }
}
