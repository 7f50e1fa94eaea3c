using System.Text;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Monitoring.IntegrationTests.Faults;

/// <summary>Every stored inventory row of one target, as text: two reads are equal only if nothing stored
/// about that target changed (a successful pass alone moves every row's <c>LastSeenAt</c>).</summary>
internal static class TargetRows
{
    private static readonly string[] s_tables = ["Datacenters", "Clusters", "Hosts", "Vms", "Datastores"];

    public static async Task<string> ReadAsync(string databasePath, string target)
    {
        var builder = new StringBuilder();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var table in s_tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"Target\" = $target ORDER BY \"Id\"";
            command.Parameters.AddWithValue("$target", target);
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

    /// <summary>The latest inventory pass recorded for <paramref name="target"/> (its status history):
    /// whether it succeeded and, if not, its failure kind as stored (e.g. <c>Protocol</c>).</summary>
    public static async Task<(bool Succeeded, string? FailureKind)> LastPassAsync(string databasePath, string target)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Succeeded\", \"FailureKind\" FROM \"InventoryPasses\" WHERE \"Target\" = $target ORDER BY \"Id\" DESC LIMIT 1";
        command.Parameters.AddWithValue("$target", target);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no inventory pass recorded for {target}");
        return (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>How many hosts and VMs of <paramref name="target"/> are stored.</summary>
    public static async Task<int> CountAsync(string databasePath, string target)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM \"Hosts\" WHERE \"Target\" = $target) + (SELECT COUNT(*) FROM \"Vms\" WHERE \"Target\" = $target)";
        command.Parameters.AddWithValue("$target", target);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
