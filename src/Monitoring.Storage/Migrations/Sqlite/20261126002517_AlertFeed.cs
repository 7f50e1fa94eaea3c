using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertExportPositions",
                columns: table => new
                {
                    ConsumerId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertExportPositions", x => x.ConsumerId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertExportPositions");
        }
    }
}
