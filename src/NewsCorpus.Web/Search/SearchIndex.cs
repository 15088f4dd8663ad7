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
        if (!db.Database.IsSqlite())
        {
            return;
        }

        var body = string.Join('\n', paragraphs);
        await db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch(rowid, Title, Body) VALUES ({articleId}, {title}, {body})", cancellationToken);
    }
}
