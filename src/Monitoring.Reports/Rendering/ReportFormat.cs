namespace Monitoring.Reports.Rendering;

/// <summary>The formats a report is written in.</summary>
public enum ReportFormat
{
    Html = 0,
    Csv = 1,
    Json = 2,
}
