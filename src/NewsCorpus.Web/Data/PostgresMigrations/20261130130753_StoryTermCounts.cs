using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class StoryTermCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StoryTerms",
                table: "Articles");

            migrationBuilder.AddColumn<byte[]>(
                name: "StoryTermCounts",
                table: "Articles",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "StoryTermCounts",
                table: "Articles");

            migrationBuilder.AddColumn<string>(
                name: "StoryTerms",
                table: "Articles",
                type: "text",
                nullable: true);
        }
    }
}
