namespace Monitoring.Storage.Configurations;

internal sealed class MinuteSampleRecordConfiguration : SampleAggregateConfiguration<Records.MinuteSampleRecord>
{
    protected override string Table => "MinuteSamples";
}
