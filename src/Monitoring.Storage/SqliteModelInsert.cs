using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Monitoring.Storage;

/// <summary>SQLite's fast path for appending rows of one table: one prepared <c>INSERT</c> per row in one
/// transaction, no change tracking.</summary>
/// <remarks>EF tracks every added entity until it saves: for the state history of a first pass over 20,000 VMs
/// (tens of thousands of rows) that cost seconds of CPU. The statement comes from the EF model (table, columns,
/// value conversions), so it stores exactly what EF would; a key the database generates is left to it.</remarks>
internal static class SqliteModelInsert
{
    /// <summary>Inserts <paramref name="records"/> in one transaction of its own; all or nothing.</summary>
    public static void InsertAll<TRecord>(MonitoringDbContext context, IEnumerable<TRecord> records)
        where TRecord : class
    {
        var entity = context.Model.FindEntityType(typeof(TRecord)) ?? throw new InvalidOperationException($"{typeof(TRecord).Name} is not in the model");
        var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        var columns = properties.Select(p => (Getter: p.GetGetter(), p.GetRelationalTypeMapping().Converter)).ToList();
        var sql = $"INSERT INTO {SqliteStatement.Quote(entity.GetTableName()!)} ({string.Join(", ", properties.Select(p => SqliteStatement.Quote(p.GetColumnName())))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => $"?{i + 1}"))})";

        var connection = (SqliteConnection)context.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var insert = new SqliteStatement(connection, sql))
        {
            foreach (var record in records)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    insert.Bind(i + 1, columns[i].Getter.GetClrValue(record), columns[i].Converter);
                }

                insert.Execute();
            }
        }

        transaction.Commit();
    }
}
