using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuoteSpeakerOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotes_SpeakerEntityId",
                table: "Quotes");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_SpeakerEntityId_ArticleId_Start",
                table: "Quotes",
                columns: new[] { "SpeakerEntityId", "ArticleId", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotes_SpeakerEntityId_ArticleId_Start",
                table: "Quotes");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_SpeakerEntityId",
                table: "Quotes",
                column: "SpeakerEntityId");
        }
    }
}
