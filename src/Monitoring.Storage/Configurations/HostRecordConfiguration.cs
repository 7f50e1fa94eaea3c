using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class HostRecordConfiguration : InventoryRecordConfiguration<HostRecord>
{
    protected override void ConfigureColumns(EntityTypeBuilder<HostRecord> builder)
    {
        builder.ToTable("Hosts");
        builder.Property(r => r.Name).HasMaxLength(NameLength);
        builder.Property(r => r.ClusterId).HasMaxLength(IdLength);
        builder.Property(r => r.DatacenterId).HasMaxLength(IdLength);
        builder.Property(r => r.Hypervisor).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.HealthReason).HasMaxLength(ReasonLength);
        builder.Property(r => r.Os).HasMaxLength(NameLength);
        builder.Property(r => r.ConnectionState).HasMaxLength(32);
    }
}
