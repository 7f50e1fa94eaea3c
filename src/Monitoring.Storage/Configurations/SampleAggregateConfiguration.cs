using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

/// <summary>The mapping the three sample tables share: one row per object, metric and bucket.</summary>
internal abstract class SampleAggregateConfiguration<TRecord> : IEntityTypeConfiguration<TRecord>
    where TRecord : SampleAggregate
{
    public const int MetricLength = 64;

    protected abstract string Table { get; }

    public void Configure(EntityTypeBuilder<TRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(r => new { r.ObjectId, r.Metric, r.Timestamp });
        builder.Property(r => r.ObjectId).HasMaxLength(InventoryRecordConfiguration<HostRecord>.IdLength);
        builder.Property(r => r.Metric).HasMaxLength(MetricLength);

        // Pruning deletes by age across all objects.
        builder.HasIndex(r => r.Timestamp);
    }
}
