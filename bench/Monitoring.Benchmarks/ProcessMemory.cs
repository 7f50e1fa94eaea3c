using System.Globalization;

namespace Monitoring.Benchmarks;

/// <summary>This process's resident memory as the kernel counts it (<c>/proc/self/status</c>): what an
/// operator sees in <c>top</c>, managed heap, native allocations (SQLite, TLS) and code alike.</summary>
internal static class ProcessMemory
{
    /// <summary>Peak resident set size since start or since the last <see cref="TryResetPeak"/> (VmHWM).</summary>
    public static long PeakBytes => Read("VmHWM:");

    /// <summary>Resident set size now (VmRSS).</summary>
    public static long CurrentBytes => Read("VmRSS:");

    /// <summary>Sets the peak back to the current size, so one phase's peak is not another's.</summary>
    /// <returns>False where the kernel does not allow it (writing 5 to <c>clear_refs</c> needs Linux 4.0 or later).</returns>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                // "VmHWM:	  123456 kB"
                var kilobytes = line[field.Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/self/status has no {field}");
    }
}
