using Microsoft.Extensions.Logging;

namespace Monitoring.Sources.WinRM;

/// <summary>The WinRM source's log messages, compiled once (no formatting cost when a level is off).</summary>
internal static partial class WinRMLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Target {Target}: {Hosts} hosts, {Vms} VMs, {Volumes} volumes ({Kind})")]
    public static partial void InventoryRead(ILogger logger, string target, int hosts, int vms, int volumes, string kind);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Target {Target}: {Item} is not available on this host ({Reason}); it stays empty for this target until the service restarts")]
    public static partial void Gap(ILogger logger, string target, string item, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Target {Target}: its connection settings changed; replacing its WinRM session")]
    public static partial void SessionReplaced(ILogger logger, string target);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "Target {Target}: {Samples} realtime samples of {Objects} hosts and VMs")]
    public static partial void RealtimeRead(ILogger logger, string target, int samples, int objects);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Target {Target}: MigrateVirtualSystemToHost for VM {Vm} to {Destination} returned {Code}")]
    public static partial void MigrationCalled(ILogger logger, string target, string vm, string destination, long code);
}
