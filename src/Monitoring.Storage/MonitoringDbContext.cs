using Microsoft.EntityFrameworkCore;
using Monitoring.Storage.Records;

namespace Monitoring.Storage;

/// <summary>The engine's database: inventory and the history of passes.</summary>
/// <remarks>Provider-neutral. Each provider derives its own context so that it carries its own
/// migration set (SQLite and SQL Server differ in types and DDL).</remarks>
public abstract class MonitoringDbContext : DbContext
{
    protected MonitoringDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DatacenterRecord> Datacenters => Set<DatacenterRecord>();

    public DbSet<ClusterRecord> Clusters => Set<ClusterRecord>();

    public DbSet<HostRecord> Hosts => Set<HostRecord>();

    public DbSet<VmRecord> Vms => Set<VmRecord>();

    public DbSet<DatastoreRecord> Datastores => Set<DatastoreRecord>();

    public DbSet<VirtualDiskRecord> VirtualDisks => Set<VirtualDiskRecord>();

    public DbSet<InventoryPassRecord> InventoryPasses => Set<InventoryPassRecord>();

    public DbSet<MinuteSampleRecord> MinuteSamples => Set<MinuteSampleRecord>();

    public DbSet<HourlySampleRecord> HourlySamples => Set<HourlySampleRecord>();

    public DbSet<DailySampleRecord> DailySamples => Set<DailySampleRecord>();

    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    public DbSet<AuditRecord> AuditTrail => Set<AuditRecord>();

    public DbSet<AlertRecord> Alerts => Set<AlertRecord>();

    public DbSet<AlertCommentRecord> AlertComments => Set<AlertCommentRecord>();

    public DbSet<AlertChangeRecord> AlertChanges => Set<AlertChangeRecord>();

    public DbSet<StateChangeRecord> StateChanges => Set<StateChangeRecord>();

    public DbSet<MaintenanceWindowRecord> MaintenanceWindows => Set<MaintenanceWindowRecord>();
    public DbSet<ExportPositionRecord> AlertExportPositions => Set<ExportPositionRecord>();

    public DbSet<TipRecord> Tips => Set<TipRecord>();

    public DbSet<TipHistoryRecord> TipHistory => Set<TipHistoryRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MonitoringDbContext).Assembly);
    }
}
