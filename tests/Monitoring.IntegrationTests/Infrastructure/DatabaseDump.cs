using System.Text;
using Microsoft.Data.Sqlite;

namespace Monitoring.IntegrationTests.Infrastructure;

/// <summary>Every row of every inventory table, as text: two dumps are equal only if nothing stored changed.</summary>
internal static class DatabaseDump
{
    private static readonly string[] s_tables = ["Datacenters", "Clusters", "Hosts", "Vms", "Datastores"];

    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="tables">The tables to read; the inventory tables when null.</param>
    public static async Task<string> ReadAsync(string databasePath, IReadOnlyList<string>? tables = null)
    {
        var builder = new StringBuilder();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var table in tables ?? s_tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"Id\"";
            await using var reader = await command.ExecuteReaderAsync();
            builder.AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    builder.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : reader.GetValue(i)).Append(';');
                }

                builder.AppendLine();
            }
        }

        return builder.ToString();
    }

    /// <summary>How many distinct values of <paramref name="column"/> a table holds.</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="table">The table.</param>
    /// <param name="column">The column whose distinct values are counted.</param>
    /// <param name="where">An optional SQL condition on the rows counted (test-written text only, never input).</param>
    public static async Task<int> CountDistinctAsync(string databasePath, string table, string column, string? where = null)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(DISTINCT \"{column}\") FROM \"{table}\"" + (where is null ? string.Empty : $" WHERE {where}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
