using Microsoft.Extensions.Logging;

namespace Monitoring.Sources.VSphere;

/// <summary>The vSphere source's log messages, compiled once (no formatting cost when a level is off).</summary>
internal static partial class VSphereLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Target {Target} is {Product} (API {ApiVersion}, {ApiType})")]
    public static partial void Connected(ILogger logger, string target, string product, string apiVersion, string apiType);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Target {Target}: {Hosts} hosts, {Vms} VMs, {Clusters} clusters, {Datastores} datastores")]
    public static partial void InventoryRead(ILogger logger, string target, int hosts, int vms, int clusters, int datastores);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Target {Target}: logout failed ({Reason}); the session will expire on the server")]
    public static partial void LogoutFailed(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Target {Target}: logged in as {User}")]
    public static partial void LoggedIn(ILogger logger, string target, string user);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Target {Target}: its connection settings changed; replacing its session")]
    public static partial void SessionReplaced(ILogger logger, string target);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Target {Target}: the session expired ({Reason}); logging in again")]
    public static partial void SessionExpired(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "Target {Target}: counter catalog read, {Counters} counters")]
    public static partial void CounterCatalogRead(ILogger logger, string target, int counters);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Target {Target}: the server has no usable counter {Counters}; those metrics are not collected")]
    public static partial void CountersUnavailable(ILogger logger, string target, string counters);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Debug, Message = "Target {Target}: {Samples} realtime samples of {Objects} hosts and VMs in {Queries} QueryPerf calls")]
    public static partial void RealtimeRead(ILogger logger, string target, int samples, int objects, int queries);
}
