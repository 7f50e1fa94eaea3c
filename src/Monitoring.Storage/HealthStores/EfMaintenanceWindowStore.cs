using System.Collections.ObjectModel;
using Microsoft.EntityFrameworkCore;
using Monitoring.HealthModel.Maintenance;
using Monitoring.HealthModel.Storage;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.HealthStores;

/// <summary>Maintenance windows set through the API, in the database.</summary>
/// <remarks>The engine asks "which windows are active?" on every change of state; the answer is cached for a few
/// seconds so that a pass changing many states reads the table once. A window added or ended here clears the cache at once.</remarks>
public sealed class EfMaintenanceWindowStore : IMaintenanceWindowStore
{
    private static readonly TimeSpan s_cacheFor = TimeSpan.FromSeconds(5);

    private readonly MonitoringDatabase _database;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private (DateTimeOffset ReadAt, List<MaintenanceWindow> Windows)? _cache;

    public EfMaintenanceWindowStore(MonitoringDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    public void Add(MaintenanceWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        using var context = _database.CreateContext();
        context.MaintenanceWindows.Add(new MaintenanceWindowRecord
        {
            Id = window.Id,
            Scope = window.Scope,
            Start = window.Start,
            End = window.End,
            Reason = window.Reason,
            CreatedBy = window.CreatedBy,
        });
        context.SaveChanges();
        Invalidate();
    }

    public bool Close(string id, DateTimeOffset at)
    {
        using var context = _database.CreateContext();
        var record = context.MaintenanceWindows.FirstOrDefault(w => w.Id == id);
        if (record is null)
        {
            return false;
        }

        if (at < record.End)
        {
            record.End = at < record.Start ? record.Start : at;
            context.SaveChanges();
        }

        Invalidate();
        return true;
    }

    public IReadOnlyList<MaintenanceWindow> Active(DateTimeOffset now)
    {
        lock (_gate)
        {
            var wallClock = _time.GetUtcNow();
            if (_cache is { } cache && wallClock - cache.ReadAt < s_cacheFor && wallClock >= cache.ReadAt)
            {
                return EndingAfter(cache.Windows, now);
            }
        }

        // Read windows ending after the earlier of both times, so the cache also answers for "now" a moment ago.
        var since = now < _time.GetUtcNow() ? now : _time.GetUtcNow();
        using var context = _database.CreateContext();
        var windows = context.MaintenanceWindows.AsNoTracking().Where(w => w.End > since).ToList()
            .Select(w => new MaintenanceWindow(w.Id, w.Scope, w.Start, w.End, w.Reason, w.CreatedBy))
            .ToList();
        lock (_gate)
        {
            _cache = (_time.GetUtcNow(), windows);
        }

        return EndingAfter(windows, now);
    }

    /// <summary>The windows that end after the time: the cached list itself when all do (the common case, asked on
    /// every change of state: no copy per question).</summary>
    private static ReadOnlyCollection<MaintenanceWindow> EndingAfter(List<MaintenanceWindow> windows, DateTimeOffset now)
    {
        foreach (var window in windows)
        {
            if (window.End <= now)
            {
                return windows.Where(w => w.End > now).ToList().AsReadOnly();
            }
        }

        return windows.AsReadOnly();
    }

    /// <summary>Forgets the cached windows (another process, the command line, may have changed them).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _cache = null;
        }
    }
}
