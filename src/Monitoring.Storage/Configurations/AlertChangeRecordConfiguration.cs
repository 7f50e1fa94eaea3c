using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class AlertChangeRecordConfiguration : IEntityTypeConfiguration<AlertChangeRecord>
{
    public void Configure(EntityTypeBuilder<AlertChangeRecord> builder)
    {
        builder.ToTable("AlertChanges");
        builder.HasKey(r => r.Sequence);
        builder.Property(r => r.Sequence).ValueGeneratedOnAdd();
        builder.Property(r => r.Document).IsRequired();
        builder.HasIndex(r => r.AlertId);
    }
}
