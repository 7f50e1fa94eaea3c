namespace Monitoring.Storage.Configurations;

internal sealed class HourlySampleRecordConfiguration : SampleAggregateConfiguration<Records.HourlySampleRecord>
{
    protected override string Table => "HourlySamples";
}
