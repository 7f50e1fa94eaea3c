using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Remediation.Alerts;

/// <summary>The log lines of alert-driven tips.</summary>
internal static partial class AlertTipsLog
{
    [LoggerMessage(EventId = 8311, Level = LogLevel.Information, Message = "alert tips: {Rules} rules; following our alerts from change {Sequence}")]
    public static partial void Started(ILogger logger, int rules, long sequence);

    [LoggerMessage(EventId = 8312, Level = LogLevel.Information, Message = "alert tips: alert {Alert} on {Object} {What} tip {Tip}")]
    public static partial void Changed(ILogger logger, string alert, string @object, string what, string tip);

    [LoggerMessage(EventId = 8313, Level = LogLevel.Warning, Message = "alert tips: the alert change log or the tips cannot be read or written ({Reason}); retrying")]
    public static partial void Failed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8314, Level = LogLevel.Information, Message = "alertmanager webhook: {Count} alerts ({Status}) from receiver {Receiver}: {Raised} raised, {Existing} already known, {Closed} closed, {Attached} attached, {Ignored} ignored")]
    public static partial void Webhook(ILogger logger, int count, string status, string receiver, int raised, int existing, int closed, int attached, int ignored);

    [LoggerMessage(EventId = 8316, Level = LogLevel.Information, Message = "alertmanager webhook: alert {Alert} (fingerprint {Fingerprint}) {What} tip {Tip}")]
    public static partial void WebhookChanged(ILogger logger, string alert, string fingerprint, string what, string tip);

    [LoggerMessage(EventId = 8315, Level = LogLevel.Debug, Message = "alertmanager webhook: alert {Fingerprint} ignored: {Reason}")]
    public static partial void WebhookIgnored(ILogger logger, string fingerprint, string reason);
}
