namespace Monitoring.Storage;

/// <summary>The database engine behind a <see cref="MonitoringDatabase"/>.</summary>
/// <remarks>The names are the values of <c>Monitoring:Storage:Provider</c> (case ignored).</remarks>
public enum StorageProvider
{
    /// <summary>An embedded file: the default, for one machine.</summary>
    Sqlite = 0,

    /// <summary>SQL Server: the production provider.</summary>
    SqlServer = 1,
}
