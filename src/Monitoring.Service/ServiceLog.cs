using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;
using Monitoring.Service.Collection;

namespace Monitoring.Service;

/// <summary>The service's log messages, compiled once.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Target {Target} failed ({Kind}): {Reason}")]
    public static partial void TargetFailed(ILogger logger, string target, FailureKind kind, string reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Target {Target}: the pass stopped on an unexpected error: {Reason}")]
    public static partial void TargetCrashed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Target {Target}: details of the unexpected error")]
    public static partial void TargetCrashDetails(ILogger logger, Exception exception, string target);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Target {Target}: could not record the failed pass ({Reason})")]
    public static partial void StatusNotStored(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "No --config given: using the environment and, for what it does not set, the defaults (SQLite in {Database}, no targets)")]
    public static partial void UsingDefaults(ILogger logger, string database);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Database {Database} is up to date")]
    public static partial void Migrated(ILogger logger, string database);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Database refused the sample write; {Held} rows held for retry ({Reason})")]
    public static partial void SamplesHeld(ILogger logger, int held, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Target {Target}: {Kind} pass ok in {Seconds:0.0} s")]
    public static partial void PassSucceeded(ILogger logger, string target, PassKind kind, double seconds);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Scheduled target {Target}: inventory every {Inventory}, realtime every {Realtime}, first poll in {Delay}")]
    public static partial void TargetScheduled(ILogger logger, string target, TimeSpan inventory, TimeSpan realtime, TimeSpan delay);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Target {Target} removed from the configuration; its jobs are stopped")]
    public static partial void TargetUnscheduled(ILogger logger, string target);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "The changed configuration is not valid and was not applied: {Problems}")]
    public static partial void ReloadRejected(ILogger logger, string problems);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Listening on {Urls}")]
    public static partial void Listening(ILogger logger, string urls);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Maintenance (rollups, pruning) failed: {Reason}")]
    public static partial void MaintenanceFailed(ILogger logger, string reason);
}
