using Microsoft.Extensions.Logging;

namespace Monitoring.Sources.VSphere.Actions;

/// <summary>Log messages of the vSphere actions. Ids and names only: never a credential.</summary>
internal static partial class VSphereActionLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Target {Target}: {Method} on {Object} started as {Task}")]
    public static partial void TaskStarted(ILogger logger, string target, string method, string @object, string task);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Target {Target}: {Method} on {Object} succeeded")]
    public static partial void TaskSucceeded(ILogger logger, string target, string method, string @object);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Target {Target}: {Method} on {Object} failed: {Reason}")]
    public static partial void ActionFailed(ILogger logger, string target, string method, string @object, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Target {Target}: reading the state of {Task} failed ({Reason}); trying again")]
    public static partial void ProgressReadFailed(ILogger logger, string target, string task, string reason);
}
