using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Stories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StoryTerms",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleOverlaps",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedSentences = table.Column<int>(type: "INTEGER", nullable: false),
                    SentenceCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleOverlaps", x => new { x.ArticleId, x.OtherArticleId });
                    table.ForeignKey(
                        name: "FK_ArticleOverlaps_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ArticleOverlaps_Articles_OtherArticleId",
                        column: x => x.OtherArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Stories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CentralArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastPublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ArticleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    OutletCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stories", x => x.Id);
                });

            // Added with its reference in place: EF's AddForeignKey would rebuild Articles on SQLite and drop its search trigger.
            migrationBuilder.Sql("ALTER TABLE \"Articles\" ADD \"StoryId\" INTEGER NULL REFERENCES \"Stories\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_StoryId",
                table: "Articles",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleOverlaps_OtherArticleId",
                table: "ArticleOverlaps",
                column: "OtherArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_LastPublishedOn",
                table: "Stories",
                column: "LastPublishedOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Stories_StoryId",
                table: "Articles");

            migrationBuilder.DropTable(
                name: "ArticleOverlaps");

            migrationBuilder.DropTable(
                name: "Stories");

            migrationBuilder.DropIndex(
                name: "IX_Articles_StoryId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "StoryId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "StoryTerms",
                table: "Articles");

            // Dropping columns rebuilds Articles on SQLite, which drops its triggers: put the search one back.
            migrationBuilder.Sql("CREATE TRIGGER IF NOT EXISTS Articles_SearchDelete AFTER DELETE ON Articles BEGIN DELETE FROM ArticleSearch WHERE rowid = old.Id; END;");
        }
    }
}
