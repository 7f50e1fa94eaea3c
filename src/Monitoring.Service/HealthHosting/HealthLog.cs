using Microsoft.Extensions.Logging;

namespace Monitoring.Service.HealthHosting;

/// <summary>The health service's log lines.</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "health: {Objects} objects in the health tree, {Alerts} open alerts read back from the database")]
    public static partial void Started(ILogger logger, int objects, int alerts);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "health: {What}; carrying on without it until it appears")]
    public static partial void Unplaced(ILogger logger, string what);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "health: {Step} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string step, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "health: {Step} failed")]
    public static partial void FailedDetails(ILogger logger, Exception exception, string step);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Error, Message = "health: the overrides do not fit the inventory ({Reason}); the previous health tree stays in use")]
    public static partial void TopologyRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "health: the work queue is full (the database is slow or locked); dropped the oldest item ({Step}), {Total} dropped since start")]
    public static partial void Dropped(ILogger logger, string step, long total);
}
