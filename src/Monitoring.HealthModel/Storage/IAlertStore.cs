using Monitoring.HealthModel.Alerts;

namespace Monitoring.HealthModel.Storage;

/// <summary>Where alerts are kept. One open alert per object and source at a time.</summary>
public interface IAlertStore
{
    /// <summary>Stores a new alert and returns it with its id.</summary>
    Alert Add(Alert alert);

    Alert? Find(long id);

    /// <summary>The open alert (resolution state not 255) for this object and source, if any.</summary>
    Alert? FindOpen(string objectId, string source);

    /// <summary>Replaces the stored alert of the same id.</summary>
    void Update(Alert alert);

    /// <summary>Alerts, newest first; closed ones only when asked.</summary>
    IReadOnlyList<Alert> List(bool includeClosed);
}
