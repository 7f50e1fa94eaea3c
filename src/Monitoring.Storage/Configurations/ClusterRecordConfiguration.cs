using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class ClusterRecordConfiguration : InventoryRecordConfiguration<ClusterRecord>
{
    protected override void ConfigureColumns(EntityTypeBuilder<ClusterRecord> builder)
    {
        builder.ToTable("Clusters");
        builder.Property(r => r.Name).HasMaxLength(NameLength);
        builder.Property(r => r.DatacenterId).HasMaxLength(IdLength);
        builder.Property(r => r.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.HealthReason).HasMaxLength(ReasonLength);
    }
}
