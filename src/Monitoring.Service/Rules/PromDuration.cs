using System.Globalization;

namespace Monitoring.Service.Rules;

/// <summary>Writes a span the way PromQL and rule files spell durations: <c>15m</c>, <c>6h</c>, <c>30s</c>.</summary>
internal static class PromDuration
{
    public static string Format(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0s";
        }

        if (span.Ticks % TimeSpan.TicksPerHour == 0)
        {
            return ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + "h";
        }

        return span.Ticks % TimeSpan.TicksPerMinute == 0
            ? ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m"
            : ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
    }
}
