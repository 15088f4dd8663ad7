using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RealCorpus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SpeakerEntityId",
                table: "QuoteClusters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CorpusPending",
                table: "IngestionRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatAt",
                table: "IngestionRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorpusProblem",
                table: "Articles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Warnings",
                table: "Articles",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutletAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutletAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutletAliases_Outlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuoteClusters_SpeakerEntityId",
                table: "QuoteClusters",
                column: "SpeakerEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_OutletAliases_Key",
                table: "OutletAliases",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutletAliases_OutletId",
                table: "OutletAliases",
                column: "OutletId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutletAliases");

            migrationBuilder.DropIndex(
                name: "IX_QuoteClusters_SpeakerEntityId",
                table: "QuoteClusters");

            migrationBuilder.DropColumn(
                name: "SpeakerEntityId",
                table: "QuoteClusters");

            migrationBuilder.DropColumn(
                name: "CorpusPending",
                table: "IngestionRuns");

            migrationBuilder.DropColumn(
                name: "HeartbeatAt",
                table: "IngestionRuns");

            migrationBuilder.DropColumn(
                name: "CorpusProblem",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Warnings",
                table: "Articles");
        }
    }
}
