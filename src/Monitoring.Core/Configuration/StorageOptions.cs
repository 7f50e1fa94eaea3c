namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Storage</c> section.</summary>
public sealed class StorageOptions
{
    /// <summary>The embedded default: a SQLite file, no server.</summary>
    public const string SqliteProvider = "Sqlite";

    /// <summary>The default connection string: a file in <c>data/</c> beside the configuration file.</summary>
    public const string DefaultConnectionString = "Data Source=data/monitoring.db";

    /// <summary><c>Sqlite</c> (default). <c>SqlServer</c> arrives with the engine ticket.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The provider's connection string. Default <c>Data Source=data/monitoring.db</c>; a relative
    /// SQLite path resolves against the configuration file's folder.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;
}
