using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Exports;

/// <summary>The alert exports' log messages. None carries a secret: URLs are shown without user information
/// (refused by the configuration) and bodies are never logged.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Alertmanager push: every {Seconds} s to {Urls}")]
    public static partial void AlertmanagerStarted(ILogger logger, int seconds, string urls);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Alertmanager {Url}: push failed ({Reason}); {Alerts} alerts kept and retried in {Seconds} s")]
    public static partial void PushFailed(ILogger logger, string url, string reason, int alerts, int seconds);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information, Message = "Alertmanager {Url}: push succeeded again after {Failures} failed attempts")]
    public static partial void PushRecovered(ILogger logger, string url, int failures);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Alert exports: the alert change log cannot be read ({Reason}); retrying")]
    public static partial void ChangeLogUnreadable(ILogger logger, string reason);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information, Message = "Webhook {Webhook}: delivering alert changes after sequence {Sequence} to {Url}")]
    public static partial void WebhookStarted(ILogger logger, string webhook, long sequence, string url);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "Webhook {Webhook}: delivery of change {Sequence} failed (attempt {Attempt}: {Reason}); retrying in {Seconds} s")]
    public static partial void DeliveryFailed(ILogger logger, string webhook, long sequence, int attempt, string reason, double seconds);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Error, Message = "Webhook {Webhook}: change {Sequence} given up after {Attempts} attempts ({Reason}); it stays readable on the connector feed")]
    public static partial void DeliveryDropped(ILogger logger, string webhook, long sequence, int attempts, string reason);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Information, Message = "Webhook {Webhook}: delivered again after {Attempts} failed attempts")]
    public static partial void DeliveryRecovered(ILogger logger, string webhook, int attempts);

    [LoggerMessage(EventId = 7109, Level = LogLevel.Warning, Message = "Alert exports: the stored position of {Consumer} cannot be read or written ({Reason}); retrying")]
    public static partial void PositionUnavailable(ILogger logger, string consumer, string reason);
}
