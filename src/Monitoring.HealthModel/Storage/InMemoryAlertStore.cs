using Monitoring.HealthModel.Alerts;

namespace Monitoring.HealthModel.Storage;

/// <summary>Alerts in memory (tests; a database store replaces it in the service).</summary>
public sealed class InMemoryAlertStore : IAlertStore, IAlertChangeLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Alert> _alerts = [];
    private readonly List<AlertChange> _changes = [];
    private readonly TimeProvider _time;
    private long _nextId = 1;

    public InMemoryAlertStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _changes.Count;
            }
        }
    }

    public Alert Add(Alert alert)
    {
        lock (_gate)
        {
            var stored = alert with { Id = _nextId++ };
            _alerts.Add(stored.Id, stored);
            _changes.Add(new AlertChange(_changes.Count + 1, IsNew: true, _time.GetUtcNow(), stored));
            return stored;
        }
    }

    public Alert? Find(long id)
    {
        lock (_gate)
        {
            return _alerts.GetValueOrDefault(id);
        }
    }

    public Alert? FindOpen(string objectId, string source)
    {
        lock (_gate)
        {
            return _alerts.Values.FirstOrDefault(a => a.IsOpen && a.ObjectId == objectId && a.Source == source);
        }
    }

    public void Update(Alert alert)
    {
        lock (_gate)
        {
            if (!_alerts.ContainsKey(alert.Id))
            {
                throw new InvalidOperationException($"Alert {alert.Id} is not stored.");
            }

            _alerts[alert.Id] = alert;
            _changes.Add(new AlertChange(_changes.Count + 1, IsNew: false, _time.GetUtcNow(), alert));
        }
    }

    public IReadOnlyList<Alert> List(bool includeClosed)
    {
        lock (_gate)
        {
            return _alerts.Values.Where(a => includeClosed || a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToList();
        }
    }

    public IReadOnlyList<AlertChange> ReadAfter(long afterSequence, int max)
    {
        lock (_gate)
        {
            var start = (int)Math.Clamp(afterSequence, 0, _changes.Count);
            return _changes.GetRange(start, Math.Min(max, _changes.Count - start));
        }
    }
}
