using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <summary>
    /// Search moves to Lucene (Search/SearchIndex.cs): the FTS5 tables, their vocabularies and triggers go; the search
    /// outbox comes, and a trigger records every deleted article in it, whatever deletes it.
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchChanges_CreatedAt",
                table: "SearchChanges",
                column: "CreatedAt");

            foreach (var trigger in new[] { "Quotes_SearchInsert", "Quotes_SearchDelete", "Quotes_SearchUpdate", "Articles_SearchDelete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearchVocab;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QuoteSearchVocab;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QuoteSearch;");
            migrationBuilder.Sql("""
                CREATE TRIGGER Articles_SearchOutbox AFTER DELETE ON Articles BEGIN
                    INSERT INTO SearchChanges (ArticleId, Kind, CreatedAt) VALUES (old.Id, 1, strftime('%Y-%m-%d %H:%M:%f', 'now'));
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The FTS5 tables are not brought back: an older version rebuilds nothing, so go back only to a fresh database.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Articles_SearchOutbox;");
            migrationBuilder.DropTable(
                name: "SearchChanges");
        }
    }
}
