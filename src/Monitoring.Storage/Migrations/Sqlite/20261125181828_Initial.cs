using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clusters",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DatacenterId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HealthReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Datacenters",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datacenters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Datastores",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DatacenterId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HealthReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CapacityBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    FreeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Accessible = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datastores", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Hosts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ClusterId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    DatacenterId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Hypervisor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HealthReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CpuCount = table.Column<int>(type: "INTEGER", nullable: true),
                    MemoryBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    Os = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ConnectionState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InMaintenance = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InventoryPasses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    FailureKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Hosts = table.Column<int>(type: "INTEGER", nullable: false),
                    Vms = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryPasses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vms",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    HostId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PowerState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HealthReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CpuCount = table.Column<int>(type: "INTEGER", nullable: true),
                    MemoryBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    GuestOs = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsTemplate = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GoneAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vms", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Target_GoneAt",
                table: "Clusters",
                columns: new[] { "Target", "GoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Datacenters_Target_GoneAt",
                table: "Datacenters",
                columns: new[] { "Target", "GoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Datastores_Target_GoneAt",
                table: "Datastores",
                columns: new[] { "Target", "GoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Target_GoneAt",
                table: "Hosts",
                columns: new[] { "Target", "GoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InventoryPasses_Target_FinishedAt",
                table: "InventoryPasses",
                columns: new[] { "Target", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Vms_HostId",
                table: "Vms",
                column: "HostId");

            migrationBuilder.CreateIndex(
                name: "IX_Vms_Target_GoneAt",
                table: "Vms",
                columns: new[] { "Target", "GoneAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Clusters");

            migrationBuilder.DropTable(
                name: "Datacenters");

            migrationBuilder.DropTable(
                name: "Datastores");

            migrationBuilder.DropTable(
                name: "Hosts");

            migrationBuilder.DropTable(
                name: "InventoryPasses");

            migrationBuilder.DropTable(
                name: "Vms");
        }
    }
}
