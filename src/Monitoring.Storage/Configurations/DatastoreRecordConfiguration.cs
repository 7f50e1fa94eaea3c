using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class DatastoreRecordConfiguration : InventoryRecordConfiguration<DatastoreRecord>
{
    protected override void ConfigureColumns(EntityTypeBuilder<DatastoreRecord> builder)
    {
        builder.ToTable("Datastores");
        builder.Property(r => r.Name).HasMaxLength(NameLength);
        builder.Property(r => r.DatacenterId).HasMaxLength(IdLength);
        builder.Property(r => r.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.HealthReason).HasMaxLength(ReasonLength);
        builder.Property(r => r.Type).HasMaxLength(32);
    }
}
