namespace Monitoring.Service.Api.Performance;

/// <summary>An object's performance over a range: one series per metric, points oldest first.</summary>
internal sealed record SeriesDocument(string Object, string Resolution, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<MetricSeriesDocument> Series);

/// <summary>One metric's points.</summary>
internal sealed record MetricSeriesDocument(string Metric, IReadOnlyList<SeriesPointDocument> Points);

/// <summary>One bucket: its start time, the average, minimum and maximum in base units, and the realtime samples behind it.</summary>
internal sealed record SeriesPointDocument(DateTimeOffset Time, double Average, double Minimum, double Maximum, int Count);
