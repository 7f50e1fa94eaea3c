using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>SQLite's fast path for one table of an inventory pass: the target's stored ids read in one query,
/// then one prepared upsert per object, in the pass's transaction, with no change tracking.</summary>
/// <remarks>
/// Loading and tracking every stored row costs EF seconds at 20,000 VMs; SQLite upserts them in a fraction
/// of that. The statement comes from the EF model (table, columns, value conversions), so it follows the
/// mapping and stores exactly what EF would. The rules are the tracked path's: an object listed twice is
/// stored once (the first), <c>FirstSeenAt</c> and <c>Target</c> are written only when the row is created,
/// and a stored object of the target that the pass did not list is marked gone, never deleted.
/// </remarks>
internal static class SqliteInventoryUpsert
{
    public static async Task<InventoryChanges> ApplyAsync<TRecord>(MonitoringDbContext context, string target, IEnumerable<TRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
        where TRecord : class, IInventoryRecord
    {
        var entity = context.Model.FindEntityType(typeof(TRecord)) ?? throw new InvalidOperationException($"{typeof(TRecord).Name} is not in the model");
        var table = SqliteStatement.Quote(entity.GetTableName()!);
        var id = SqliteStatement.Quote(Column(entity, nameof(IInventoryRecord.Id)));
        var goneAt = SqliteStatement.Quote(Column(entity, nameof(IInventoryRecord.GoneAt)));
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("an inventory pass is written in one transaction");

        // Stored id -> still present (not gone).
        var stored = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = (SqliteTransaction)transaction;
            select.CommandText = $"SELECT {id}, {goneAt} IS NULL FROM {table} WHERE {SqliteStatement.Quote(Column(entity, nameof(IInventoryRecord.Target)))} = $target";
            select.Parameters.AddWithValue("$target", target);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored[reader.GetString(0)] = reader.GetBoolean(1);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int added = 0, updated = 0, gone = 0;
        var columns = entity.GetProperties().Select(p => (Getter: p.GetGetter(), p.GetRelationalTypeMapping().Converter)).ToList();
        using (var upsert = new SqliteStatement(connection, UpsertSql(entity, table)))
        {
            foreach (var record in records)
            {
                if (!seen.Add(record.Id))
                {
                    continue; // A source that lists an object twice (a host in two views) stores it once.
                }

                cancellationToken.ThrowIfCancellationRequested();
                record.FirstSeenAt = now; // kept only when the row is new: the upsert never updates it
                record.LastSeenAt = now;
                record.GoneAt = null;
                for (var i = 0; i < columns.Count; i++)
                {
                    upsert.Bind(i + 1, columns[i].Getter.GetClrValue(record), columns[i].Converter);
                }

                upsert.Execute();
                if (stored.ContainsKey(record.Id))
                {
                    updated++;
                }
                else
                {
                    added++;
                }
            }
        }

        using (var markGone = new SqliteStatement(connection, $"UPDATE {table} SET {goneAt} = $now WHERE {id} = $id"))
        {
            var converter = entity.FindProperty(nameof(IInventoryRecord.GoneAt))!.GetRelationalTypeMapping().Converter;
            markGone.Bind(markGone.Index("$now"), now, converter);
            var idIndex = markGone.Index("$id");
            foreach (var (storedId, present) in stored)
            {
                if (present && !seen.Contains(storedId))
                {
                    markGone.Bind(idIndex, storedId);
                    markGone.Execute();
                    gone++;
                }
            }
        }

        return new InventoryChanges(added, updated, gone);
    }

    /// <summary><c>INSERT ... ON CONFLICT (Id) DO UPDATE</c> over every mapped column; parameter i+1 is the
    /// model's property i.</summary>
    private static string UpsertSql(IEntityType entity, string table)
    {
        var columns = entity.GetProperties().Select(p => (p.Name, Column: SqliteStatement.Quote(p.GetColumnName()))).ToList();
        var updates = columns
            .Where(c => c.Name is not (nameof(IInventoryRecord.Id) or nameof(IInventoryRecord.Target) or nameof(IInventoryRecord.FirstSeenAt)))
            .Select(c => $"{c.Column} = excluded.{c.Column}");
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Column))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))}) "
            + $"ON CONFLICT ({SqliteStatement.Quote(Column(entity, nameof(IInventoryRecord.Id)))}) DO UPDATE SET {string.Join(", ", updates)}";
    }

    private static string Column(IEntityType entity, string property) =>
        entity.FindProperty(property)?.GetColumnName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no {property}");
}
