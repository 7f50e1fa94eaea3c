using Microsoft.Extensions.Logging;
using Monitoring.Core.Collection;

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
}
