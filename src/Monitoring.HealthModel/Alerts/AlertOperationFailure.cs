namespace Monitoring.HealthModel.Alerts;

/// <summary>Why an alert operation was refused, so callers (the API's 404 and 409, the command line) can tell without
/// reading the message.</summary>
public enum AlertOperationFailure
{
    /// <summary>The request itself is wrong: an undefined resolution state, an empty comment.</summary>
    Invalid,

    /// <summary>No alert has that id.</summary>
    NotFound,

    /// <summary>The alert is closed (or was closed meanwhile); a closed alert cannot change.</summary>
    Closed,
}
