using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitoring.Storage.Records;

namespace Monitoring.Storage.Configurations;

/// <summary>The mapping every inventory table shares: key, owner index, lifetime columns.</summary>
internal abstract class InventoryRecordConfiguration<TRecord> : IEntityTypeConfiguration<TRecord>
    where TRecord : class, IInventoryRecord
{
    /// <summary>Ids are <c>target/native-key</c>; bounded so SQL Server can index them.</summary>
    public const int IdLength = 400;
    public const int NameLength = 400;
    public const int TargetLength = 100;
    public const int ReasonLength = 1000;

    public void Configure(EntityTypeBuilder<TRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(IdLength);
        builder.Property(r => r.Target).HasMaxLength(TargetLength).IsRequired();
        builder.HasIndex(r => new { r.Target, r.GoneAt });
        ConfigureColumns(builder);
    }

    /// <summary>The columns particular to one table.</summary>
    protected abstract void ConfigureColumns(EntityTypeBuilder<TRecord> builder);
}
