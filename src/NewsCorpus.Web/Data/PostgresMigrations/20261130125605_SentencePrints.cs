using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class SentencePrints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "SentencePrints",
                table: "Articles",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SentencePrints",
                table: "Articles");
        }
    }
}
