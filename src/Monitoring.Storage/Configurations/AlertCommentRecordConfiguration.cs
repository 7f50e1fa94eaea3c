using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class AlertCommentRecordConfiguration : IEntityTypeConfiguration<AlertCommentRecord>
{
    public const int TextLength = 4000;

    public void Configure(EntityTypeBuilder<AlertCommentRecord> builder)
    {
        builder.ToTable("AlertComments");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Author).HasMaxLength(AlertRecordConfiguration.ActorLength).IsRequired();
        builder.Property(r => r.Text).HasMaxLength(TextLength).IsRequired();
        builder.HasIndex(r => r.AlertId);
    }
}
