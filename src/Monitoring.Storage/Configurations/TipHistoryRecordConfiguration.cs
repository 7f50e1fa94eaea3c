using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class TipHistoryRecordConfiguration : IEntityTypeConfiguration<TipHistoryRecord>
{
    public void Configure(EntityTypeBuilder<TipHistoryRecord> builder)
    {
        builder.ToTable("TipHistory");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.TipId).HasMaxLength(TipRecordConfiguration.IdLength).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(16).IsRequired();
        builder.Property(r => r.By).HasMaxLength(AlertRecordConfiguration.ActorLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(TipRecordConfiguration.TextLength);

        // Two writers appending the same position: the second fails instead of both landing.
        builder.HasIndex(r => new { r.TipId, r.Position }).IsUnique();
    }
}
