using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Keeps the article full-text table in step with the articles. Called inside the transaction that saves the
/// article, so the index never disagrees with the rows. Quotes are indexed by triggers on the Quotes table.
/// </summary>
public static class SearchIndex
{
    public static async Task IndexArticleAsync(NewsCorpusDbContext db, int articleId, string title, IEnumerable<string> paragraphs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var body = string.Join('\n', paragraphs);
        if (db.Database.IsNpgsql())
        {
            // The tsvector is a stored generated column: writing the text computes it.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "ArticleSearch" ("ArticleId", "Title", "Body") VALUES ({articleId}, {title}, {body})
                ON CONFLICT ("ArticleId") DO UPDATE SET "Title" = EXCLUDED."Title", "Body" = EXCLUDED."Body"
                """, cancellationToken);
            return;
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch(rowid, Title, Body) VALUES ({articleId}, {title}, {body})", cancellationToken);
    }
}
