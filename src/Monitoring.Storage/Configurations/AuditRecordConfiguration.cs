using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public const int ActorLength = 128;
    public const int ActionLength = 128;
    public const int SubjectLength = 512;

    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("AuditTrail");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Actor).HasMaxLength(ActorLength).IsRequired();
        builder.Property(r => r.Action).HasMaxLength(ActionLength).IsRequired();
        builder.Property(r => r.Subject).HasMaxLength(SubjectLength);
        builder.Property(r => r.Outcome).HasMaxLength(16).IsRequired();
        builder.HasIndex(r => r.At);
    }
}
