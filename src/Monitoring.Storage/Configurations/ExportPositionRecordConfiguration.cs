using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class ExportPositionRecordConfiguration : IEntityTypeConfiguration<ExportPositionRecord>
{
    /// <summary>A prefix (<c>webhook:</c>) and a name of up to 64 characters.</summary>
    public const int ConsumerIdLength = 80;

    public void Configure(EntityTypeBuilder<ExportPositionRecord> builder)
    {
        // ConsumerId ends in "Id": on SQL Server it gets the binary collation, so names compare as the code compares them.
        builder.ToTable("AlertExportPositions");
        builder.HasKey(r => r.ConsumerId);
        builder.Property(r => r.ConsumerId).HasMaxLength(ConsumerIdLength);
    }
}
