using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The words of the full-text indexes, for bounding what a prefix expands to (Search/PrefixExpansion.cs).
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS ArticleSearchVocab USING fts5vocab(ArticleSearch, 'row');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE IF NOT EXISTS QuoteSearchVocab USING fts5vocab(QuoteSearch, 'row');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearchVocab;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QuoteSearchVocab;");
        }
    }
}
