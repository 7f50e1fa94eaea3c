using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Remediation.Automation;

/// <summary>Automatic mode's log lines.</summary>
internal static partial class AutomationLog
{
    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "automatic mode: looking at open tips every {Seconds} s; limits per host group: {MaxConcurrent} under way, {MaxPerHour} per hour")]
    public static partial void Started(ILogger logger, int seconds, int maxConcurrent, int maxPerHour);

    [LoggerMessage(EventId = 8303, Level = LogLevel.Information, Message = "automatic mode: implementing tip {Tip} ({Severity}, host group {HostGroup}): {Summary}")]
    public static partial void Implementing(ILogger logger, string tip, global::Monitoring.Remediation.Tips.TipSeverity severity, string hostGroup, string summary);

    [LoggerMessage(EventId = 8304, Level = LogLevel.Information, Message = "automatic mode: tip {Tip}: {Reason}")]
    public static partial void Waiting(ILogger logger, string tip, string reason);

    [LoggerMessage(EventId = 8305, Level = LogLevel.Warning, Message = "automatic mode: tip {Tip} not implemented: {Reason}")]
    public static partial void Refused(ILogger logger, string tip, string reason);

    [LoggerMessage(EventId = 8306, Level = LogLevel.Error, Message = "automatic mode: a pass failed ({Reason}); trying again at the next")]
    public static partial void PassFailed(ILogger logger, string reason);
}
