using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <summary>Entities.QuoteCount: how many quotes each speaker has, read for the total of quotes by a speaker instead of a count over their quotes.</summary>
    public partial class EntityQuoteCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuoteCount",
                table: "Entities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Databases resolved before this column existed: count once here, as the resolver does after each run.
            migrationBuilder.Sql("""UPDATE "Entities" SET "QuoteCount" = (SELECT count(*) FROM "Quotes" q WHERE q."SpeakerEntityId" = "Entities"."Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QuoteCount",
                table: "Entities");
        }
    }
}
