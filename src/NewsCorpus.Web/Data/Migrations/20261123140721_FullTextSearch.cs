using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.Migrations
{
    /// <summary>
    /// SQLite FTS5 tables for article text (title, body) and quote text: Porter stemming over unicode61 with
    /// case and diacritics folded; BM25 rank with the title weighted 4 to the body's 1. Quotes are indexed by
    /// triggers; articles by the ingestion, inside the transaction that saves them.
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(Title, Body, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('rank', 'bm25(4.0, 1.0)');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE QuoteSearch USING fts5(Text, tokenize = 'porter unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("""
                INSERT INTO ArticleSearch(rowid, Title, Body)
                SELECT a.Id, a.Title, coalesce((SELECT group_concat(Text, char(10)) FROM (SELECT p.Text FROM ArticleParagraphs p WHERE p.ArticleId = a.Id ORDER BY p.Ordinal)), '')
                FROM Articles a;
                """);
            migrationBuilder.Sql("INSERT INTO QuoteSearch(rowid, Text) SELECT Id, Text FROM Quotes;");
            migrationBuilder.Sql("CREATE TRIGGER Quotes_SearchInsert AFTER INSERT ON Quotes BEGIN INSERT INTO QuoteSearch(rowid, Text) VALUES (new.Id, new.Text); END;");
            migrationBuilder.Sql("CREATE TRIGGER Quotes_SearchDelete AFTER DELETE ON Quotes BEGIN DELETE FROM QuoteSearch WHERE rowid = old.Id; END;");
            migrationBuilder.Sql("CREATE TRIGGER Quotes_SearchUpdate AFTER UPDATE OF Text ON Quotes BEGIN DELETE FROM QuoteSearch WHERE rowid = old.Id; INSERT INTO QuoteSearch(rowid, Text) VALUES (new.Id, new.Text); END;");
            migrationBuilder.Sql("CREATE TRIGGER Articles_SearchDelete AFTER DELETE ON Articles BEGIN DELETE FROM ArticleSearch WHERE rowid = old.Id; END;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Articles_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Quotes_SearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Quotes_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Quotes_SearchInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QuoteSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
        }
    }
}
