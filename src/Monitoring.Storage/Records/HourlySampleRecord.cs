namespace Monitoring.Storage.Records;

/// <summary>An hourly rollup of minute data, kept 90 days by default.</summary>
public sealed class HourlySampleRecord : SampleAggregate
{
}
