using Monitoring.Core.Model;

namespace Monitoring.Sources.WinRM.HyperV;

/// <summary>When a Hyper-V VM last started, from <c>Msvm_SummaryInformation.UpTime</c> (milliseconds since the
/// VM last started, 0 when it is not running).</summary>
internal static class HyperVBootTime
{
    /// <summary>The read time minus the uptime, rounded down to the whole minute; null for a VM that is off,
    /// reports no uptime or 0, or an uptime longer than the calendar allows.</summary>
    /// <remarks>The uptime and the read time are taken a few milliseconds apart, and differently on every pass:
    /// unrounded, every pass would store a new boot time for every running VM and rewrite its row. A whole
    /// minute is as precise as an operator needs to tell whether a VM restarted.</remarks>
    public static DateTimeOffset? From(long? upTimeMilliseconds, PowerState power, DateTimeOffset readAt)
    {
        if (upTimeMilliseconds is not > 0 || power == PowerState.PoweredOff)
        {
            return null;
        }

        var utc = readAt.ToUniversalTime();
        if (upTimeMilliseconds.Value > (utc - DateTimeOffset.UnixEpoch).TotalMilliseconds)
        {
            return null;
        }

        var booted = utc.AddMilliseconds(-upTimeMilliseconds.Value);
        return new DateTimeOffset(booted.Ticks - (booted.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
