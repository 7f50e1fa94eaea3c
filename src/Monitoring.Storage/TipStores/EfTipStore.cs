using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Monitoring.Remediation.Tips;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.TipStores;

/// <summary>Tips in the database: each write is one transaction holding the tip's row and its new history rows.</summary>
/// <remarks>The database is the truth: the service (balancer passes, API calls) and the command line (<c>tips
/// implement</c>) both act on it, so every read goes to it and hands out a fresh copy. Writes are checked
/// optimistically: a tip read from this store remembers how many history rows it was read with, and an update
/// whose tip was read before another writer appended a transition is refused (<see cref="TipOperationException"/>,
/// not "not found") instead of silently overwriting that transition.</remarks>
public sealed class EfTipStore : ITipStore
{
    private readonly MonitoringDatabase _database;

    // How many history rows each tip handed out (or added) had: the version an update is checked against.
    private readonly ConditionalWeakTable<Tip, StrongBox<int>> _readWith = [];

    public EfTipStore(MonitoringDatabase database) => _database = database;

    public Tip? Find(string id)
    {
        using var context = _database.CreateContext();
        var record = context.Tips.AsNoTracking().Include(t => t.History).FirstOrDefault(t => t.Id == id);
        return record is null ? null : Handed(record);
    }

    public Tip? FindOpen(string conditionKey)
    {
        using var context = _database.CreateContext();
        var record = context.Tips.AsNoTracking().Include(t => t.History)
            .Where(t => t.IsOpen && t.ConditionKey == conditionKey)
            .OrderByDescending(t => t.RaisedAt)
            .FirstOrDefault();
        return record is null ? null : Handed(record);
    }

    public IReadOnlyList<Tip> OpenWithPrefix(string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        using var context = _database.CreateContext();
        return [.. context.Tips.AsNoTracking().Include(t => t.History)
            .Where(t => t.IsOpen && t.ConditionKey.StartsWith(keyPrefix))
            .OrderBy(t => t.RaisedAt)
            .AsSplitQuery()
            .AsEnumerable()
            .Select(Handed)];
    }

    public void Add(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        using var context = _database.CreateContext();
        using var transaction = context.Database.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var record = TipRecordMapping.NewRecord(tip);
        record.History.AddRange(tip.History.Select((h, i) => TipRecordMapping.History(tip.Id, i, h)));
        context.Tips.Add(record);
        context.SaveChanges();
        transaction.Commit();
        _readWith.AddOrUpdate(tip, new StrongBox<int>(tip.History.Count));
    }

    /// <exception cref="TipOperationException">The tip is not stored (<see cref="TipOperationException.NotFound"/>), or
    /// another writer changed it since it was read, or it is final already.</exception>
    public void Update(Tip tip)
    {
        ArgumentNullException.ThrowIfNull(tip);
        using var context = _database.CreateContext();
        using var transaction = context.Database.BeginTransaction(System.Data.IsolationLevel.Serializable);
        var record = context.Tips.Include(t => t.History).FirstOrDefault(t => t.Id == tip.Id)
            ?? throw new TipOperationException($"no tip {tip.Id}", notFound: true);
        var stored = record.History.Count;
        var readWith = _readWith.TryGetValue(tip, out var box) ? box.Value : stored;
        if (readWith != stored || !record.IsOpen)
        {
            throw new TipOperationException(
                $"tip {tip.Id} changed meanwhile (it is {record.Status} now, by {record.History.OrderBy(h => h.Position).LastOrDefault()?.By ?? "?"}); read it again",
                notFound: false);
        }

        TipRecordMapping.CopyTo(tip, record);
        for (var i = stored; i < tip.History.Count; i++)
        {
            context.TipHistory.Add(TipRecordMapping.History(tip.Id, i, tip.History[i]));
        }

        context.SaveChanges();
        transaction.Commit();
        _readWith.AddOrUpdate(tip, new StrongBox<int>(tip.History.Count));
    }

    public IReadOnlyList<Tip> List(TipStatus? status, string? target)
    {
        using var context = _database.CreateContext();
        var tips = context.Tips.AsNoTracking();
        if (status is { } s)
        {
            var word = s.ToString();
            tips = tips.Where(t => t.Status == word);
        }

        if (target is not null)
        {
            tips = tips.Where(t => t.Target == target);
        }

        return [.. tips.Include(t => t.History).OrderBy(t => t.RaisedAt).AsSplitQuery().AsEnumerable().Select(Handed)];
    }

    /// <summary>Tips matching <paramref name="query"/>, newest first, and how many match in all.</summary>
    public (IReadOnlyList<Tip> Items, int Total) Query(TipQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var context = _database.CreateContext();
        var tips = context.Tips.AsNoTracking();
        if (query.Status is { } s)
        {
            var word = s.ToString();
            tips = tips.Where(t => t.Status == word);
        }

        if (query.Target is { } target)
        {
            var prefix = target + "/";
            tips = tips.Where(t => t.Target == target || t.Target.StartsWith(prefix));
        }

        var total = tips.Count();
        var page = tips.Include(t => t.History).OrderByDescending(t => t.RaisedAt).ThenBy(t => t.Id)
            .Skip(query.Offset).Take(query.Limit).AsSplitQuery().ToList();
        return ([.. page.Select(Handed)], total);
    }

    private Tip Handed(TipRecord record)
    {
        var tip = TipRecordMapping.ToTip(record);
        _readWith.AddOrUpdate(tip, new StrongBox<int>(tip.History.Count));
        return tip;
    }
}
