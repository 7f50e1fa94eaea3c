namespace Monitoring.Storage.Configurations;

internal sealed class DailySampleRecordConfiguration : SampleAggregateConfiguration<Records.DailySampleRecord>
{
    protected override string Table => "DailySamples";
}
