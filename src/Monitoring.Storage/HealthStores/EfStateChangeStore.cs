using Microsoft.EntityFrameworkCore;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Configurations;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.HealthStores;

/// <summary>The state history in the database.</summary>
/// <remarks>The engine appends under its lock, and one inventory pass can change hundreds of states at once (every
/// VM's first status and each rollup above it): appends are held in memory and written in one batch by
/// <see cref="Flush"/>, which the health service calls after each pass and on its timer. A query flushes first,
/// so it always sees every change made so far.</remarks>
public sealed class EfStateChangeStore : IStateChangeStore
{
    private readonly MonitoringDatabase _database;
    private readonly Lock _gate = new();
    private List<StateChange> _pending = [];

    public EfStateChangeStore(MonitoringDatabase database) => _database = database;

    public void Append(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _pending.Add(change);
        }
    }

    /// <summary>Writes what was appended since the last flush; returns how many. On failure the changes stay pending.</summary>
    public int Flush()
    {
        List<StateChange> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return 0;
            }

            batch = _pending;
            _pending = [];
        }

        try
        {
            using var context = _database.CreateContext();
            if (_database.Provider == StorageProvider.Sqlite)
            {
                SqliteModelInsert.InsertAll(context, batch.Select(ToRecord));
            }
            else
            {
                // SQL Server: EF batches the inserts (dozens per round trip), which a row-by-row path would lose.
                context.StateChanges.AddRange(batch.Select(ToRecord));
                context.SaveChanges();
            }

            return batch.Count;
        }
        catch
        {
            lock (_gate)
            {
                _pending.InsertRange(0, batch);
            }

            throw;
        }
    }

    public IReadOnlyList<StateChange> Query(string? objectId, DateTimeOffset from, int max)
    {
        Flush();
        using var context = _database.CreateContext();
        var changes = context.StateChanges.AsNoTracking().Where(c => c.At >= from);
        if (objectId is not null)
        {
            changes = changes.Where(c => c.ObjectId == objectId);
        }

        return changes.OrderBy(c => c.At).ThenBy(c => c.Id).Take(max).ToList()
            .Select(c => new StateChange(c.ObjectId, c.Monitor, c.From, c.To, c.At, c.Cause, c.InMaintenance, c.Flapping))
            .ToList();
    }

    private static StateChangeRecord ToRecord(StateChange c) => new()
    {
        ObjectId = c.ObjectId,
        Monitor = c.Monitor,
        From = c.From,
        To = c.To,
        At = c.At,
        Cause = c.Cause.Length <= InventoryRecordConfiguration<HostRecord>.ReasonLength ? c.Cause : c.Cause[..(InventoryRecordConfiguration<HostRecord>.ReasonLength - 3)] + "...",
        InMaintenance = c.InMaintenance,
        Flapping = c.Flapping,
    };
}
