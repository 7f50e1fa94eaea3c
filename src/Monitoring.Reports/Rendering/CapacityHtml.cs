using System.Globalization;
using System.Net;
using System.Text;
using Monitoring.Reports.Capacity;

namespace Monitoring.Reports.Rendering;

/// <summary>The report as one self-contained HTML file: inline CSS and inline SVG charts, no script and nothing
/// loaded from elsewhere, so it can be mailed or archived and still shows its charts.</summary>
public static class CapacityHtml
{
    private const string CpuColor = "#1f6fb4";
    private const string MemoryColor = "#d9731a";

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}h3{font-size:15px}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}
        th{background:#f2f2f2}td.t,th.t{text-align:left}.muted{color:#666;font-size:12px}.chart{display:block;margin:6px 0 16px}
        """;

    public static string Write(CapacityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Capacity report</title><style>")
            .Append(Style).Append("</style></head><body>");
        html.Append("<h1>Capacity report</h1>");
        html.Append(F($"<p class=\"muted\">{report.From:yyyy-MM-dd HH:mm} to {report.GeneratedAt:yyyy-MM-dd HH:mm} UTC ({report.Days} days), from the {E(report.Resolution)} table. "))
            .Append(F($"Use: average and {E(report.Percentile)}. Headroom: VMs of the scope's average size that still fit with {report.ReserveHosts} host(s) per cluster in reserve, up to {report.TargetRatio:0%} of capacity. "))
            .Append(F($"Trends need {CapacityCalculator.MinimumTrendDays} day(s) of history (– until then). Every figure is defined in docs/capacity.md.</p>"));

        Scopes(html, report);
        Hosts(html, report);
        Candidates(html, report);
        return html.Append("</body></html>").ToString();
    }

    private static void Scopes(StringBuilder html, CapacityReport report)
    {
        html.Append("<h2>Clusters and standalone hosts</h2>");
        if (report.Scopes.Count == 0)
        {
            html.Append("<p>No virtualization hosts are stored.</p>");
            return;
        }

        html.Append("<table><tr><th class=\"t\">scope</th><th class=\"t\">target</th><th>hosts</th><th>VMs on</th><th>VMs/host</th><th>vCPU/CPU</th>")
            .Append("<th>CPU avg</th><th>CPU p95</th><th>CPU days left</th><th>mem avg</th><th>mem p95</th><th>mem days left</th><th>storage used</th>")
            .Append("<th>storage avg</th><th>storage p95</th><th>storage days left</th><th>headroom (VMs)</th><th class=\"t\">binding</th></tr>");
        foreach (var s in report.Scopes)
        {
            html.Append(F($"<tr><td class=\"t\">{E(s.Name)}</td><td class=\"t\">{E(s.Target)}</td><td>{s.Hosts}</td><td>{s.Density.PoweredOnVms}</td><td>{s.Density.VmsPerHost:0.0}</td><td>{Num(s.Density.VcpusPerLogicalCpu)}</td>"))
                .Append(F($"<td>{Pct(s.Cpu.Average)}</td><td>{Pct(s.Cpu.P95)}</td><td>{Days(s.Cpu.Trend)}</td><td>{Pct(s.Memory.Average)}</td><td>{Pct(s.Memory.P95)}</td><td>{Days(s.Memory.Trend)}</td>"))
                .Append(F($"<td>{Storage(s.Storage)}</td><td>{Pct(s.Storage?.History.Average)}</td><td>{Pct(s.Storage?.History.P95)}</td><td>{Days(s.Storage?.History.Trend)}</td><td>{(s.Headroom is { } h ? h.Vms.ToString(CultureInfo.InvariantCulture) : "–")}</td><td class=\"t\">{E(s.Headroom?.Binding ?? "–")}</td></tr>"));
        }

        html.Append("</table>");
        var withHeadroom = report.Scopes.Where(s => s.Headroom is not null).ToList();
        if (withHeadroom.Count > 0)
        {
            html.Append("<h3>Headroom: VMs of the average size that still fit</h3>");
            html.Append(SvgChart.Bars("headroom per scope", [.. withHeadroom.Select(s => ($"{s.Name} ({s.Target})", (double)s.Headroom!.Vms, $"{s.Headroom.Vms} ({s.Headroom.Binding})"))], "#3a9a5b"));
        }

        foreach (var s in report.Scopes)
        {
            html.Append(F($"<h3>{E(s.Name)} ({E(s.Target)}): CPU and memory use</h3>"));
            html.Append(SvgChart.Lines($"CPU and memory use of {s.Name}", report.From, report.GeneratedAt,
            [
                Line("CPU", CpuColor, s.Usage.Where(p => p.Cpu is not null).Select(p => (p.At, p.Cpu!.Value)), s.Cpu.Trend),
                Line("memory", MemoryColor, s.Usage.Where(p => p.Memory is not null).Select(p => (p.At, p.Memory!.Value)), s.Memory.Trend),
            ]));
            if (s.Usage.Count == 0)
            {
                html.Append("<p class=\"muted\">No usage samples in the window.</p>");
            }
        }
    }

    private static void Hosts(StringBuilder html, CapacityReport report)
    {
        html.Append("<h2>Hosts</h2><table><tr><th class=\"t\">host</th><th class=\"t\">target</th><th class=\"t\">hypervisor</th><th>CPUs</th><th>memory</th><th>VMs on</th>")
            .Append("<th>CPU avg</th><th>CPU p95</th><th>CPU peak</th><th>CPU days left</th><th>mem avg</th><th>mem p95</th><th>mem peak</th><th>mem days left</th><th>storage used</th><th>storage p95</th><th>storage days left</th></tr>");
        foreach (var h in report.Hosts)
        {
            html.Append(F($"<tr><td class=\"t\">{E(h.Name)}</td><td class=\"t\">{E(h.Target)}</td><td class=\"t\">{E(h.Hypervisor)}</td><td>{Num(h.CpuCount)}</td><td>{Bytes(h.MemoryBytes)}</td><td>{h.PoweredOnVms}</td>"))
                .Append(F($"<td>{Pct(h.Cpu.Average)}</td><td>{Pct(h.Cpu.P95)}</td><td>{Pct(h.Cpu.Peak)}</td><td>{Days(h.Cpu.Trend)}</td>"))
                .Append(F($"<td>{Pct(h.Memory.Average)}</td><td>{Pct(h.Memory.P95)}</td><td>{Pct(h.Memory.Peak)}</td><td>{Days(h.Memory.Trend)}</td><td>{Storage(h.Storage)}</td><td>{Pct(h.Storage?.History.P95)}</td><td>{Days(h.Storage?.History.Trend)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void Candidates(StringBuilder html, CapacityReport report)
    {
        html.Append("<h2>P2V candidates</h2>");
        if (report.P2VCandidates.Count == 0)
        {
            html.Append("<p>No physical Windows servers are stored (targets of kind Windows).</p>");
            return;
        }

        html.Append("<p class=\"muted\">Physical Windows servers ranked by how well they would consolidate: score 0-100, higher is better; ")
            .Append("the weighted mean of 1 - load for average CPU (25 %), peak CPU (15 %), average memory (20 %), peak memory (10 %), ")
            .Append("memory footprint against the average host (15 %) and disk footprint (15 %).</p>");
        html.Append(SvgChart.Bars("P2V score per server", [.. report.P2VCandidates.Select(c => (c.Name, c.Score, c.Score.ToString("0.0", CultureInfo.InvariantCulture)))], "#7a4fb0"));
        html.Append("<table><tr><th>rank</th><th class=\"t\">server</th><th class=\"t\">target</th><th class=\"t\">OS</th><th>score</th><th>CPUs</th><th>memory</th>")
            .Append("<th>CPU avg</th><th>CPU peak</th><th>mem avg</th><th>mem peak</th><th>memory used</th><th>disk used</th><th class=\"t\">note</th></tr>");
        foreach (var c in report.P2VCandidates)
        {
            html.Append(F($"<tr><td>{c.Rank}</td><td class=\"t\">{E(c.Name)}</td><td class=\"t\">{E(c.Target)}</td><td class=\"t\">{E(c.Os ?? "–")}</td><td>{c.Score:0.0}</td><td>{Num(c.CpuCount)}</td><td>{Bytes(c.MemoryBytes)}</td>"))
                .Append(F($"<td>{Pct(c.Cpu.Average)}</td><td>{Pct(c.Cpu.Peak)}</td><td>{Pct(c.Memory.Average)}</td><td>{Pct(c.Memory.Peak)}</td><td>{Bytes(c.MemoryFootprintBytes)}</td><td>{Bytes(c.DiskFootprintBytes)}</td><td class=\"t\">{E(c.Note ?? string.Empty)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static ChartLine Line(string name, string color, IEnumerable<(DateTimeOffset, double)> points, Trend? trend)
    {
        return new ChartLine(name, color, [.. points], trend is { } t ? (t.Current, t.SlopePerDay) : null);
    }

    private static string Pct(double? ratio) => ratio is { } r ? r.ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "–";

    /// <summary>Days left; "none" when the trend is flat or falling, "–" when there is too little history for a trend.</summary>
    private static string Days(Trend? trend) =>
        trend is null ? "–" : trend.DaysToExhaustion is { } d ? d.ToString("0", CultureInfo.InvariantCulture) : "none";

    private static string Storage(StorageUse? storage) =>
        storage is { Ratio: { } r } ? $"{Bytes(storage.UsedBytes)} of {Bytes(storage.CapacityBytes)} ({r.ToString("0%", CultureInfo.InvariantCulture)})" : "–";

    private static string Bytes(long? bytes)
    {
        if (bytes is not { } b)
        {
            return "–";
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

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
