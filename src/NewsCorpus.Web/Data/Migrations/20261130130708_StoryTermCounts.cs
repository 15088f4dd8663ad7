using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoryTermCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite drops the column in place: the rebuild EF Core would do loses the table's triggers (the search
            // outbox) and copies every article. Terms are counted again from the paragraphs by the story pass.
            migrationBuilder.Sql("ALTER TABLE \"Articles\" DROP COLUMN \"StoryTerms\";");

            migrationBuilder.AddColumn<byte[]>(
                name: "StoryTermCounts",
                table: "Articles",
                type: "BLOB",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Articles\" DROP COLUMN \"StoryTermCounts\";");

            migrationBuilder.AddColumn<string>(
                name: "StoryTerms",
                table: "Articles",
                type: "TEXT",
                nullable: true);
        }
    }
}
