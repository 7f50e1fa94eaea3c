using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

internal sealed class ApiKeyRecordConfiguration : IEntityTypeConfiguration<ApiKeyRecord>
{
    public const int NameLength = 64;

    public void Configure(EntityTypeBuilder<ApiKeyRecord> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(NameLength).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
        builder.Property(r => r.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.LookupId).HasMaxLength(12).IsRequired();
        builder.HasIndex(r => r.LookupId).IsUnique();
        builder.Property(r => r.Hash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(AuditRecordConfiguration.ActorLength).IsRequired();
        builder.Property(r => r.RevokedBy).HasMaxLength(AuditRecordConfiguration.ActorLength);
    }
}
