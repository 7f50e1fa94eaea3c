using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class VirtualDiskRecordConfiguration : InventoryRecordConfiguration<VirtualDiskRecord>
{
    /// <summary>Windows paths reach 32,767 characters in theory; VM disks live in short ones.</summary>
    public const int PathLength = 1024;

    protected override void ConfigureColumns(EntityTypeBuilder<VirtualDiskRecord> builder)
    {
        builder.ToTable("VirtualDisks");
        builder.Property(r => r.VmId).HasMaxLength(IdLength).IsRequired();
        builder.Property(r => r.Path).HasMaxLength(PathLength).IsRequired();
        builder.Property(r => r.Format).HasMaxLength(16);
        builder.HasIndex(r => r.VmId);
    }
}
