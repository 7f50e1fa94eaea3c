using Monitoring.Reports.Capacity;

namespace Monitoring.Reports.Rendering;

/// <summary>Format names as the command line and the API take them, their media types, and the one switch that
/// renders a capacity report in any of them.</summary>
public static class ReportFormats
{
    public static IReadOnlyDictionary<string, ReportFormat> ByName { get; } = new Dictionary<string, ReportFormat>(StringComparer.Ordinal)
    {
        ["html"] = ReportFormat.Html,
        ["csv"] = ReportFormat.Csv,
        ["json"] = ReportFormat.Json,
    };

    public static string MediaType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        _ => "application/json; charset=utf-8",
    };

    public static string Render(CapacityReport report, ReportFormat format) => format switch
    {
        ReportFormat.Html => CapacityHtml.Write(report),
        ReportFormat.Csv => CapacityCsv.Write(report),
        _ => CapacityJson.Write(report),
    };
}
