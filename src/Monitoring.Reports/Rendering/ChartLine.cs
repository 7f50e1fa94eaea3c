namespace Monitoring.Reports.Rendering;

/// <summary>One line of a line chart: ratios over time, with an optional trend (value at the window's start, slope per day).</summary>
internal sealed record ChartLine(string Name, string Color, IReadOnlyList<(DateTimeOffset At, double Value)> Points, (double Intercept, double SlopePerDay)? Trend);
