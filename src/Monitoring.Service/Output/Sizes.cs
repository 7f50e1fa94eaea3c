using System.Globalization;

namespace Monitoring.Service.Output;

/// <summary>Human-readable sizes for tables (JSON always carries bytes).</summary>
internal static class Sizes
{
    public static string? Format(long? bytes)
    {
        if (bytes is not { } b)
        {
            return null;
        }

        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double value = b;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
