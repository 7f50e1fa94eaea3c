using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class AlertRecordConfiguration : IEntityTypeConfiguration<AlertRecord>
{
    public const int NameLength = 128;
    public const int SourceLength = 64;
    public const int DescriptionLength = 2000;
    public const int ActorLength = 128;

    public void Configure(EntityTypeBuilder<AlertRecord> builder)
    {
        builder.ToTable("Alerts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(NameLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(DescriptionLength).IsRequired();
        builder.Property(r => r.Severity).HasMaxLength(16).IsRequired();
        builder.Property(r => r.ObjectId).HasMaxLength(InventoryRecordConfiguration<HostRecord>.IdLength).IsRequired();
        builder.Property(r => r.Source).HasMaxLength(SourceLength).IsRequired();
        builder.Property(r => r.ResolvedBy).HasMaxLength(ActorLength);
        builder.Property(r => r.Owner).HasMaxLength(ActorLength);
        builder.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.AlertId).OnDelete(DeleteBehavior.Cascade);

        // The open alert of an object and source is looked up on every change of a monitor's state.
        builder.HasIndex(r => new { r.ObjectId, r.Source, r.IsOpen });
        builder.HasIndex(r => r.RaisedAt);
    }
}
