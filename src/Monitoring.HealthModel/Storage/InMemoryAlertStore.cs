using Monitoring.HealthModel.Alerts;

namespace Monitoring.HealthModel.Storage;

/// <summary>Alerts in memory (tests; a database store replaces it in the service).</summary>
public sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Alert> _alerts = [];
    private long _nextId = 1;

    public Alert Add(Alert alert)
    {
        lock (_gate)
        {
            var stored = alert with { Id = _nextId++ };
            _alerts.Add(stored.Id, stored);
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
        }
    }

    public IReadOnlyList<Alert> List(bool includeClosed)
    {
        lock (_gate)
        {
            return _alerts.Values.Where(a => includeClosed || a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id).ToList();
        }
    }
}
