using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuoteSpeakerStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Quotes_SpeakerEntityId_QuoteClusterId",
                table: "Quotes",
                columns: new[] { "SpeakerEntityId", "QuoteClusterId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotes_SpeakerEntityId_QuoteClusterId",
                table: "Quotes");
        }
    }
}
