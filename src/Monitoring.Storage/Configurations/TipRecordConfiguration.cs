using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class TipRecordConfiguration : IEntityTypeConfiguration<TipRecord>
{
    public const int IdLength = 32;
    public const int ConditionKeyLength = 512;
    public const int TextLength = 4000;
    public const int ShortTextLength = 1000;

    public void Configure(EntityTypeBuilder<TipRecord> builder)
    {
        builder.ToTable("Tips");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(IdLength);
        builder.Property(r => r.ConditionKey).HasMaxLength(ConditionKeyLength).IsRequired();
        builder.Property(r => r.Target).HasMaxLength(InventoryRecordConfiguration<HostRecord>.IdLength).IsRequired();
        builder.Property(r => r.HostGroup).HasMaxLength(InventoryRecordConfiguration<HostRecord>.IdLength);
        builder.Property(r => r.Status).HasMaxLength(16).IsRequired();
        builder.Property(r => r.ActionKind).HasMaxLength(32).IsRequired();
        builder.Property(r => r.ActionParameters).HasMaxLength(TextLength).IsRequired();
        builder.Property(r => r.Summary).HasMaxLength(ShortTextLength).IsRequired();
        builder.Property(r => r.Details).HasMaxLength(TextLength).IsRequired();
        builder.Property(r => r.Cause).HasMaxLength(TextLength).IsRequired();
        builder.Property(r => r.ExpectedEffect).HasMaxLength(TextLength).IsRequired();
        builder.Property(r => r.Severity).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Result).HasMaxLength(TextLength);
        builder.HasMany(r => r.History).WithOne().HasForeignKey(h => h.TipId).OnDelete(DeleteBehavior.Cascade);

        // Every pass looks up the open tip of each condition it finds, and the open tips of its scope.
        builder.HasIndex(r => new { r.IsOpen, r.ConditionKey });
        builder.HasIndex(r => r.RaisedAt);
    }
}
