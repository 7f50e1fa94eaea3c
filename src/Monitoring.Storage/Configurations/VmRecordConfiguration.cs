using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class VmRecordConfiguration : InventoryRecordConfiguration<VmRecord>
{
    protected override void ConfigureColumns(EntityTypeBuilder<VmRecord> builder)
    {
        builder.ToTable("Vms");
        builder.Property(r => r.Name).HasMaxLength(NameLength);
        builder.Property(r => r.HostId).HasMaxLength(IdLength);
        builder.Property(r => r.PowerState).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Health).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.HealthReason).HasMaxLength(ReasonLength);
        builder.Property(r => r.GuestOs).HasMaxLength(NameLength);
        builder.HasIndex(r => r.HostId);
    }
}
