using System.Globalization;
using System.Text;
using Monitoring.Reports.Capacity;

namespace Monitoring.Reports.Rendering;

/// <summary>The report as one CSV table (RFC 4180, invariant culture, ratios 0-1, sizes in bytes): a row per scope,
/// per host and per P2V candidate, told apart by the first column. Empty cells are figures that do not apply or
/// could not be computed.</summary>
public static class CapacityCsv
{
    private static readonly string[] s_columns =
    [
        "section", "id", "name", "target", "kind", "hosts", "cpus", "memoryBytes", "poweredOnVms",
        "cpuAverage", "cpuP95", "cpuPeak", "cpuTrendPerDay", "cpuDaysToExhaustion",
        "memoryAverage", "memoryP95", "memoryPeak", "memoryTrendPerDay", "memoryDaysToExhaustion",
        "storageCapacityBytes", "storageUsedBytes", "storageRatio", "storageAverage", "storageP95", "storagePeak", "storageTrendPerDay", "storageDaysToExhaustion",
        "headroomVms", "headroomBinding", "headroomByCpu", "headroomByMemory", "averageVmCpus", "averageVmMemoryBytes", "averageVmFrom", "reserveHosts",
        "vmsPerHost", "vcpusPerLogicalCpu", "p2vRank", "p2vScore", "memoryFootprintBytes", "diskFootprintBytes",
    ];

    public static string Write(CapacityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Line(text, s_columns);
        foreach (var s in report.Scopes)
        {
            var h = s.Headroom;
            Line(text, [
                "scope", s.Id, s.Name, s.Target, s.Kind, N(s.Hosts), null, null, N(s.Density.PoweredOnVms),
                .. Use(s.Cpu), .. Use(s.Memory), .. Storage(s.Storage),
                N(h?.Vms), h?.Binding, N(h?.ByCpu), N(h?.ByMemory), N(h?.AverageVmCpus), N(h?.AverageVmMemoryBytes), h?.AverageFrom, N(h?.ReserveHosts),
                N(s.Density.VmsPerHost), N(s.Density.VcpusPerLogicalCpu), null, null, null, null]);
        }

        foreach (var h in report.Hosts)
        {
            Line(text, [
                "host", h.Id, h.Name, h.Target, h.Hypervisor, null, N(h.CpuCount), N(h.MemoryBytes), N(h.PoweredOnVms),
                .. Use(h.Cpu), .. Use(h.Memory), .. Storage(h.Storage),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null]);
        }

        foreach (var c in report.P2VCandidates)
        {
            Line(text, [
                "p2v", c.Id, c.Name, c.Target, "windows", null, N(c.CpuCount), N(c.MemoryBytes), null,
                .. Use(c.Cpu), .. Use(c.Memory), null, N(c.DiskFootprintBytes), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, N(c.Rank), N(c.Score), N(c.MemoryFootprintBytes), N(c.DiskFootprintBytes)]);
        }

        return text.ToString();
    }

    private static string?[] Use(ResourceUse use) =>
        [N(use.Average), N(use.P95), N(use.Peak), N(use.Trend?.SlopePerDay), N(use.Trend?.DaysToExhaustion)];

    private static string?[] Storage(StorageUse? storage) =>
        [N(storage?.CapacityBytes), N(storage?.UsedBytes), N(storage?.Ratio), .. Use(storage?.History ?? ResourceUse.None)];

    private static string? N(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);

    private static string? N(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? N(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, IReadOnlyList<string?> cells)
    {
        text.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    /// <summary>Quotes a cell that holds a comma, a quote or a line break, doubling its quotes (RFC 4180).</summary>
    private static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell
        : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
