using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsCorpus.Web.Data.PostgresMigrations
{
    /// <summary>
    /// PostgreSQL full-text search, matching what SQLite FTS5 does for the same queries: a text search configuration
    /// "newscorpus" that folds diacritics (unaccent) and stems English words (Snowball) without dropping stop words,
    /// so "the" and phrases with "of" behave as on SQLite. Article title and body go into a table of their own with
    /// a stored tsvector (title weight A, body D) and a GIN index; quotes get one by trigger, like FTS5's.
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH DICTIONARY newscorpus_stem (TEMPLATE = snowball, Language = english);");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION newscorpus (COPY = english);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION newscorpus
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                    WITH unaccent, newscorpus_stem;
                """);
            // The body is indexed up to 400,000 characters: a tsvector holds at most 1 MB.
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Body" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('newscorpus', "Title"), 'A') || setweight(to_tsvector('newscorpus', left("Body", 400000)), 'D')) STORED);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN ("Document");""");
            migrationBuilder.Sql("""
                INSERT INTO "ArticleSearch" ("ArticleId", "Title", "Body")
                SELECT a."Id", a."Title", coalesce((SELECT string_agg(p."Text", E'\n' ORDER BY p."Ordinal") FROM "ArticleParagraphs" p WHERE p."ArticleId" = a."Id"), '')
                FROM "Articles" a;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "QuoteSearch" (
                    "QuoteId" integer PRIMARY KEY REFERENCES "Quotes" ("Id") ON DELETE CASCADE,
                    "Document" tsvector NOT NULL);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_QuoteSearch_Document" ON "QuoteSearch" USING GIN ("Document");""");
            migrationBuilder.Sql("""INSERT INTO "QuoteSearch" ("QuoteId", "Document") SELECT "Id", to_tsvector('newscorpus', "Text") FROM "Quotes";""");
            migrationBuilder.Sql("""
                CREATE FUNCTION newscorpus_index_quote() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "QuoteSearch" ("QuoteId", "Document") VALUES (NEW."Id", to_tsvector('newscorpus', NEW."Text"))
                    ON CONFLICT ("QuoteId") DO UPDATE SET "Document" = EXCLUDED."Document";
                    RETURN NULL;
                END
                $$;
                """);
            migrationBuilder.Sql("""CREATE TRIGGER "Quotes_Search" AFTER INSERT OR UPDATE OF "Text" ON "Quotes" FOR EACH ROW EXECUTE FUNCTION newscorpus_index_quote();""");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Quotes_Search" ON "Quotes";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS newscorpus_index_quote();");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "QuoteSearch";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");
            migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS newscorpus;");
            migrationBuilder.Sql("DROP TEXT SEARCH DICTIONARY IF EXISTS newscorpus_stem;");
        }
    }
}
