using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class StateChangeRecordConfiguration : IEntityTypeConfiguration<StateChangeRecord>
{
    public void Configure(EntityTypeBuilder<StateChangeRecord> builder)
    {
        builder.ToTable("StateChanges");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ObjectId).HasMaxLength(InventoryRecordConfiguration<HostRecord>.IdLength).IsRequired();
        builder.Property(r => r.Monitor).HasMaxLength(AlertRecordConfiguration.SourceLength);
        builder.Property(r => r.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Cause).HasMaxLength(InventoryRecordConfiguration<HostRecord>.ReasonLength).IsRequired();
        builder.HasIndex(r => new { r.ObjectId, r.At });
        builder.HasIndex(r => r.At);
    }
}
