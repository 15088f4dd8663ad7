using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuoteFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Fingerprint",
                table: "Quotes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "QuotesClustered",
                table: "Articles",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_Fingerprint_QuoteClusterId_SpeakerEntityId",
                table: "Quotes",
                columns: new[] { "Fingerprint", "QuoteClusterId", "SpeakerEntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_QuotesClustered",
                table: "Articles",
                column: "QuotesClustered");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Quotes_Fingerprint_QuoteClusterId_SpeakerEntityId",
                table: "Quotes");

            migrationBuilder.DropIndex(
                name: "IX_Articles_QuotesClustered",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "Quotes");

            migrationBuilder.DropColumn(
                name: "QuotesClustered",
                table: "Articles");
        }
    }
}
