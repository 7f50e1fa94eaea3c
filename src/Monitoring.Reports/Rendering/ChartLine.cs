namespace Monitoring.Reports.Rendering;

/// <summary>One line of a line chart: ratios over time, with an optional trend (its value at the end of the window, slope per day).</summary>
internal sealed record ChartLine(string Name, string Color, IReadOnlyList<(DateTimeOffset At, double Value)> Points, (double AtEnd, double SlopePerDay)? Trend);
