using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntityNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MentionCount",
                table: "EntityAliases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Resolved",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EntityKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EntityKeys_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntityOutlets",
                columns: table => new
                {
                    EntityId = table.Column<int>(type: "INTEGER", nullable: false),
                    OutletId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntityOutlets", x => new { x.EntityId, x.OutletId });
                    table.ForeignKey(
                        name: "FK_EntityOutlets_Entities_EntityId",
                        column: x => x.EntityId,
                        principalTable: "Entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntityOutlets_Outlets_OutletId",
                        column: x => x.OutletId,
                        principalTable: "Outlets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Resolved",
                table: "Articles",
                column: "Resolved");

            migrationBuilder.CreateIndex(
                name: "IX_EntityKeys_EntityId",
                table: "EntityKeys",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_EntityKeys_Key_EntityId",
                table: "EntityKeys",
                columns: new[] { "Key", "EntityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntityOutlets_OutletId",
                table: "EntityOutlets",
                column: "OutletId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntityKeys");

            migrationBuilder.DropTable(
                name: "EntityOutlets");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Resolved",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "MentionCount",
                table: "EntityAliases");

            migrationBuilder.DropColumn(
                name: "Resolved",
                table: "Articles");
        }
    }
}
