using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsCorpus.Web.Data.PostgresMigrations
{
    /// <summary>
    /// Search moves to Lucene (Search/SearchIndex.cs): the tsvector tables, their trigger and text search configuration
    /// go; the search outbox comes, and a trigger records every deleted article in it, whatever deletes it.
    /// </summary>
    public partial class LuceneSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchChanges_CreatedAt",
                table: "SearchChanges",
                column: "CreatedAt");

            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Quotes_Search" ON "Quotes";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS newscorpus_index_quote();");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "QuoteSearch";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS newscorpus;");
            migrationBuilder.Sql("DROP TEXT SEARCH DICTIONARY IF EXISTS newscorpus_stem;");
            migrationBuilder.Sql("""
                CREATE FUNCTION newscorpus_article_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "SearchChanges" ("ArticleId", "Kind", "CreatedAt") VALUES (OLD."Id", 1, now());
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "Articles_SearchOutbox" AFTER DELETE ON "Articles" FOR EACH ROW EXECUTE FUNCTION newscorpus_article_deleted();""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Articles_SearchOutbox" ON "Articles";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS newscorpus_article_deleted();");
            migrationBuilder.DropTable(
                name: "SearchChanges");
        }
    }
}
