using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace Monitoring.Storage;

/// <summary>One prepared SQLite statement, bound and stepped through SQLite's own API, on a connection (and in
/// the transaction) opened by Microsoft.Data.Sqlite.</summary>
/// <remarks>For statements run once per row over tens or hundreds of thousands of rows: Microsoft.Data.Sqlite
/// looks every parameter up by name and boxes every value on each execution, several times SQLite's own cost.
/// Values are bound as it binds them (text, 64-bit integers, doubles, booleans as 0 and 1), and errors
/// surface as the same <see cref="SqliteException"/>. Open the transaction first: beginning one takes the
/// write lock (waiting on another writer as Microsoft.Data.Sqlite always does), so no step meets a busy
/// database.</remarks>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>The position of a named parameter such as <c>$o</c>.</summary>
    public int Index(string parameter)
    {
        var index = raw.sqlite3_bind_parameter_index(_statement, parameter);
        return index > 0 ? index : throw new InvalidOperationException($"the statement has no parameter {parameter}");
    }

    public void Bind(int index, string value) => Check(raw.sqlite3_bind_text(_statement, index, value));

    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(_statement, index, value));

    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(_statement, index, value));

    /// <summary>Binds a value already converted to its provider type (EF's value converters applied).</summary>
    public void Bind(int index, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
        double number => raw.sqlite3_bind_double(_statement, index, number),
        _ => throw new NotSupportedException($"no SQLite binding for a {value.GetType().Name}"),
    });

    /// <summary>Binds a model value as EF would store it: through the property's value converter, if it has one.</summary>
    public void Bind(int index, object? value, ValueConverter? converter) =>
        Bind(index, value is null ? null : converter?.ConvertToProvider(value) ?? value);

    /// <summary>A table or column name quoted for SQL.</summary>
    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>Runs the statement (one that returns no rows) with the values bound, then readies it for the next.</summary>
    public void Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE)
        {
            Check(result);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _db);
        }
    }
}
