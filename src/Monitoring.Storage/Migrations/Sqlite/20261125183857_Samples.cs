using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitoring.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Samples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailySamples",
                columns: table => new
                {
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Average = table.Column<double>(type: "REAL", nullable: false),
                    Minimum = table.Column<double>(type: "REAL", nullable: false),
                    Maximum = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySamples", x => new { x.ObjectId, x.Metric, x.Timestamp });
                });

            migrationBuilder.CreateTable(
                name: "HourlySamples",
                columns: table => new
                {
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Average = table.Column<double>(type: "REAL", nullable: false),
                    Minimum = table.Column<double>(type: "REAL", nullable: false),
                    Maximum = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HourlySamples", x => new { x.ObjectId, x.Metric, x.Timestamp });
                });

            migrationBuilder.CreateTable(
                name: "MinuteSamples",
                columns: table => new
                {
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Average = table.Column<double>(type: "REAL", nullable: false),
                    Minimum = table.Column<double>(type: "REAL", nullable: false),
                    Maximum = table.Column<double>(type: "REAL", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinuteSamples", x => new { x.ObjectId, x.Metric, x.Timestamp });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailySamples_Timestamp",
                table: "DailySamples",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_HourlySamples_Timestamp",
                table: "HourlySamples",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_MinuteSamples_Timestamp",
                table: "MinuteSamples",
                column: "Timestamp");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailySamples");

            migrationBuilder.DropTable(
                name: "HourlySamples");

            migrationBuilder.DropTable(
                name: "MinuteSamples");
        }
    }
}
