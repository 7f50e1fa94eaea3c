namespace Monitoring.Storage.Records;

/// <summary>A daily rollup of hourly data, kept two years by default.</summary>
public sealed class DailySampleRecord : SampleAggregate
{
}
