namespace Monitoring.Core.Configuration;

/// <summary>The <c>Monitoring:Alerting:Alertmanager</c> section.</summary>
public sealed class AlertmanagerOptions
{
    public const int DefaultTimeoutSeconds = 10;
    public const int DefaultResendIntervalSeconds = 60;
    public const int DefaultResolvedResendMinutes = 15;

    /// <summary>Alertmanager's base URL, e.g. <c>http://127.0.0.1:9093</c>; several separated by <c>;</c> for an HA
    /// pair (each gets every alert, as Prometheus does). Null: alerts are not pushed.</summary>
    public string? Url { get; set; }

    /// <summary>A file (readable only by its owner) holding a bearer token sent as <c>Authorization: Bearer</c>.</summary>
    public string? BearerTokenFile { get; set; }

    /// <summary>Basic authentication user; needs <see cref="PasswordFile"/>.</summary>
    public string? Username { get; set; }

    /// <summary>A file (readable only by its owner) holding the Basic authentication password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Seconds one push may take, 1 to 300. Default 10.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Seconds between two pushes of every open alert, 5 to 3600. Default 60: well inside Alertmanager's
    /// <c>resolve_timeout</c> (5 minutes by default), so open alerts stay firing.</summary>
    public int? ResendIntervalSeconds { get; set; }

    /// <summary>Minutes a closed alert keeps being pushed as resolved, 1 to 1440, so a push lost while Alertmanager
    /// was away is healed. Default 15.</summary>
    public int? ResolvedResendMinutes { get; set; }
}
