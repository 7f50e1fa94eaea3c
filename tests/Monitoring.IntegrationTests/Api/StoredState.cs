using System.Text;
using Microsoft.Data.Sqlite;

namespace Monitoring.IntegrationTests.Api;

/// <summary>Every row of the inventory tables and the key table, as text: two reads are equal only if nothing
/// an API call could change has changed. (Samples are left out: the service writes them all the time. The
/// audit trail is left out: recording a refused call there is what it is for.)</summary>
internal static class StoredState
{
    private static readonly string[] s_tables = ["Datacenters", "Clusters", "Hosts", "Vms", "Datastores", "ApiKeys"];

    public static async Task<string> ReadAsync(string databasePath)
    {
        var builder = new StringBuilder();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var table in s_tables)
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
}
