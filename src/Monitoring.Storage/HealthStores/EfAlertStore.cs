using Microsoft.EntityFrameworkCore;
using Monitoring.HealthModel.Alerts;
using Monitoring.HealthModel.Model;
using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.HealthStores;

/// <summary>Alerts in the database, with the alert change log written in the same transaction as each change.</summary>
/// <remarks>The database is the truth: the service and the command line both act on it, so every read goes to it
/// (no cache that a command-line acknowledgement would leave stale). The health model calls in synchronously,
/// under its own lock; calls are a few small statements each.
/// Sequence order: SQLite runs one writer at a time, so sequences are committed in order. On SQL Server two writers
/// (the service and the command line at the same instant) could commit out of order; a serializable transaction
/// around each change keeps a reader from seeing a later sequence before an earlier one is committed.</remarks>
public sealed class EfAlertStore : IAlertStore, IAlertChangeLog
{
    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;

    public EfAlertStore(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public long LastSequence
    {
        get
        {
            using var context = _database.CreateContext();
            return context.AlertChanges.Max(c => (long?)c.Sequence) ?? 0;
        }
    }

    public Alert Add(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var context = _database.CreateContext();
        using var transaction = context.Database.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var record = AlertRecordMapping.NewRecord(alert);
        context.Alerts.Add(record);
        context.SaveChanges();
        record.Comments.AddRange(alert.Comments.Select(c => AlertRecordMapping.Comment(record.Id, c)));
        var stored = alert with { Id = record.Id };
        context.AlertChanges.Add(Change(stored, isNew: true));
        context.SaveChanges();
        transaction.Commit();
        return stored;
    }

    public Alert? Find(long id)
    {
        using var context = _database.CreateContext();
        var record = context.Alerts.AsNoTracking().Include(a => a.Comments).FirstOrDefault(a => a.Id == id);
        return record is null ? null : AlertRecordMapping.ToAlert(record);
    }

    public Alert? FindOpen(string objectId, string source)
    {
        using var context = _database.CreateContext();
        var record = context.Alerts.AsNoTracking().Include(a => a.Comments)
            .Where(a => a.ObjectId == objectId && a.Source == source && a.IsOpen)
            .OrderByDescending(a => a.Id)
            .FirstOrDefault();
        return record is null ? null : AlertRecordMapping.ToAlert(record);
    }

    /// <exception cref="InvalidOperationException">No alert of that id is stored.</exception>
    /// <exception cref="AlertOperationException">The stored alert is closed (closed alerts never change).</exception>
    public void Update(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var context = _database.CreateContext();
        using var transaction = context.Database.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var record = context.Alerts.Include(a => a.Comments).FirstOrDefault(a => a.Id == alert.Id)
            ?? throw new InvalidOperationException($"Alert {alert.Id} is not stored.");
        if (!record.IsOpen)
        {
            // Read, then written: another writer (the engine resolving it, the command line closing it) got there first.
            throw new AlertOperationException($"Alert {alert.Id} was closed meanwhile (by {record.ResolvedBy} at {record.ResolvedAt:u}); a closed alert cannot change.", AlertOperationFailure.Closed);
        }

        AlertRecordMapping.CopyTo(alert, record);

        // Comments are only ever appended: store the ones past those already kept.
        foreach (var comment in alert.Comments.Skip(record.Comments.Count))
        {
            record.Comments.Add(AlertRecordMapping.Comment(record.Id, comment));
        }

        context.AlertChanges.Add(Change(alert, isNew: false));
        context.SaveChanges();
        transaction.Commit();
    }

    public IReadOnlyList<Alert> List(bool includeClosed) =>
        Query(new AlertQuery(includeClosed ? null : true, null, null, null, 0, int.MaxValue)).Items;

    /// <summary>Alerts matching <paramref name="query"/>, newest first, and how many match in all.</summary>
    public (IReadOnlyList<Alert> Items, int Total) Query(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var context = _database.CreateContext();
        var alerts = context.Alerts.AsNoTracking();
        if (query.Open is { } open)
        {
            alerts = alerts.Where(a => a.IsOpen == open);
        }

        if (query.Severity is { } severity)
        {
            alerts = alerts.Where(a => a.Severity == severity);
        }

        if (query.ObjectId is { } objectId)
        {
            alerts = alerts.Where(a => a.ObjectId == objectId);
        }

        if (query.Target is { } target)
        {
            var prefix = target + "/";
            var node = HealthTopologyBuilder.TargetNodeId(target);
            alerts = alerts.Where(a => a.ObjectId == node || a.ObjectId.StartsWith(prefix));
        }

        var total = alerts.Count();
        var page = alerts.Include(a => a.Comments).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id)
            .Skip(query.Offset).Take(query.Limit).AsSplitQuery().ToList();
        return (page.Select(AlertRecordMapping.ToAlert).ToList(), total);
    }

    public IReadOnlyList<AlertChange> ReadAfter(long afterSequence, int max)
    {
        using var context = _database.CreateContext();
        return context.AlertChanges.AsNoTracking()
            .Where(c => c.Sequence > afterSequence)
            .OrderBy(c => c.Sequence)
            .Take(max)
            .ToList()
            .Select(c => new AlertChange(c.Sequence, c.IsNew, c.At, AlertDocumentJson.Read(c.Document)))
            .ToList();
    }

    private AlertChangeRecord Change(Alert alert, bool isNew) => new()
    {
        AlertId = alert.Id,
        IsNew = isNew,
        At = _time.GetUtcNow(),
        Document = AlertDocumentJson.Write(alert),
    };
}
