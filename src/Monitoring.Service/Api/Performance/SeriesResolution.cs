namespace Monitoring.Service.Api.Performance;

/// <summary>Which table a series is read from: minute (raw), hourly or daily aggregates.</summary>
internal enum SeriesResolution
{
    Minute,
    Hour,
    Day,
}
