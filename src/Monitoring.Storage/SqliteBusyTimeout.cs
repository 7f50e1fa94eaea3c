using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Monitoring.Storage;

/// <summary>Makes every SQLite connection a context creates wait for another writer's lock inside SQLite
/// (<c>PRAGMA busy_timeout</c>), so a write goes ahead as soon as the lock is free.</summary>
/// <remarks>Without it, Microsoft.Data.Sqlite answers a busy database by sleeping its thread 150 ms and trying
/// again: every time two writers meet (the sample flusher, an inventory pass, the health model's history, the
/// API) the later one lost 150 ms even when the first was done after a few. The overall limit is unchanged: the
/// command timeout still ends the wait. Hooked when the connection is created, because some writers open it
/// themselves rather than through EF (<see cref="SampleWriter"/>, <see cref="SqliteModelInsert"/>).</remarks>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long SQLite itself waits for a lock before it reports busy. Within it, a waiting writer
    /// polls at 1 to 100 ms steps; past it, Microsoft.Data.Sqlite's own retry carries on until the command
    /// timeout.</summary>
    public const int Milliseconds = 5_000;

    private static readonly string s_pragma = "PRAGMA busy_timeout = " + Milliseconds.ToString(CultureInfo.InvariantCulture);

    public static SqliteBusyTimeout Instance { get; } = new();

    public override System.Data.Common.DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, System.Data.Common.DbConnection result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.StateChange += OnStateChange;
        return result;
    }

    private static void OnStateChange(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState == ConnectionState.Open && sender is SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = s_pragma;
            command.ExecuteNonQuery();
        }
    }
}
