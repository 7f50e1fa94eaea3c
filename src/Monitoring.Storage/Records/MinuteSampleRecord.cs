namespace Monitoring.Storage.Records;

/// <summary>A one-minute average of realtime samples: the raw data, kept 48 hours by default.</summary>
public sealed class MinuteSampleRecord : SampleAggregate
{
}
