using Microsoft.Extensions.Logging;

namespace Monitoring.Service.Remediation;

/// <summary>The log lines of the balancer and the tip implementer.</summary>
internal static partial class TipsLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "balancer: pass done: {Clusters} cluster(s), {Moves} move(s) proposed, {Raised} new tip(s)")]
    public static partial void PassDone(ILogger logger, int clusters, int moves, int raised);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Error, Message = "balancer: pass failed; the next runs in {Interval}")]
    public static partial void PassFailed(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "balancer: disabled (Balancer:Enabled is false); no balancing tips are raised")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "balancer: first pass within {FirstPass}, then every {Interval}")]
    public static partial void Scheduled(ILogger logger, TimeSpan firstPass, TimeSpan interval);

    [LoggerMessage(EventId = 8111, Level = LogLevel.Information, Message = "tips: tip {Tip} {Status}: {Result}")]
    public static partial void Finished(ILogger logger, string tip, global::Monitoring.Remediation.Tips.TipStatus status, string result);

    [LoggerMessage(EventId = 8112, Level = LogLevel.Error, Message = "tips: the {Kind} action of tip {Tip} failed with an exception")]
    public static partial void ActionThrew(ILogger logger, Exception exception, string kind, string tip);

    [LoggerMessage(EventId = 8113, Level = LogLevel.Warning, Message = "tips: tip {Tip}: {What} not recorded: {Reason}")]
    public static partial void NotRecorded(ILogger logger, string tip, string what, string reason);

    [LoggerMessage(EventId = 8114, Level = LogLevel.Warning, Message = "tips: {Executor} failed to say whether it can run tip {Tip}")]
    public static partial void CanExecuteThrew(ILogger logger, Exception exception, string executor, string tip);

    [LoggerMessage(EventId = 8115, Level = LogLevel.Warning, Message = "tips: {Count} tip(s) were being implemented when the service last stopped; they are now Failed ({Reason})")]
    public static partial void Interrupted(ILogger logger, int count, string reason);
}
