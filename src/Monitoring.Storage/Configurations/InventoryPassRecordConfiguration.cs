using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class InventoryPassRecordConfiguration : IEntityTypeConfiguration<InventoryPassRecord>
{
    public void Configure(EntityTypeBuilder<InventoryPassRecord> builder)
    {
        builder.ToTable("InventoryPasses");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Target).HasMaxLength(InventoryRecordConfiguration<HostRecord>.TargetLength).IsRequired();
        builder.Property(r => r.FailureKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(InventoryRecordConfiguration<HostRecord>.ReasonLength);
        builder.HasIndex(r => new { r.Target, r.FinishedAt });
    }
}
