using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class DatacenterRecordConfiguration : InventoryRecordConfiguration<DatacenterRecord>
{
    protected override void ConfigureColumns(EntityTypeBuilder<DatacenterRecord> builder)
    {
        builder.ToTable("Datacenters");
        builder.Property(r => r.Name).HasMaxLength(NameLength);
    }
}
