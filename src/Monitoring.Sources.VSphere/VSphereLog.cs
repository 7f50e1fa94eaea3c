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
}
