using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class MaintenanceWindowRecordConfiguration : IEntityTypeConfiguration<MaintenanceWindowRecord>
{
    public const int IdLength = 32;
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<MaintenanceWindowRecord> builder)
    {
        builder.ToTable("MaintenanceWindows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(IdLength);
        builder.Property(r => r.Scope).HasMaxLength(InventoryRecordConfiguration<HostRecord>.IdLength).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(ReasonLength).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(AlertRecordConfiguration.ActorLength).IsRequired();
        builder.HasIndex(r => r.End);
    }
}
