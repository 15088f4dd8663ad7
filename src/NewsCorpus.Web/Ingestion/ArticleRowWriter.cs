using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Writes an article's paragraphs, removed blocks, mentions and quotes through <see cref="RowInserter"/>. EF Core
/// inserts them one tracked entity at a time; at ~80 rows an article that was most of the ingestion time.
/// </summary>
public static class ArticleRowWriter
{
    /// <summary>Removes the article's child rows (before writing new ones for changed text).</summary>
    public static async Task DeleteChildrenAsync(NewsCorpusDbContext db, int articleId, CancellationToken cancellationToken)
    {
        await Entities.EntityBookkeeping.WithdrawArticleAsync(db, articleId, cancellationToken);
        var clusters = await db.Quotes.Where(q => q.ArticleId == articleId && q.QuoteClusterId != null).Select(q => q.QuoteClusterId!.Value).Distinct().ToListAsync(cancellationToken);
        await db.Quotes.Where(q => q.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await Quotes.QuoteClusterRows.RefreshAsync(db, clusters, cancellationToken);
        await db.EntityMentions.Where(m => m.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await db.ArticleParagraphs.Where(p => p.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await db.RemovedBlocks.Where(r => r.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Writes the child rows of one or many articles (each row carries its article id) in one statement run per table.</summary>
    public static async Task InsertChildrenAsync(NewsCorpusDbContext db, IReadOnlyList<ArticleParagraph> paragraphs,
        IReadOnlyList<RemovedBlock> removed, IReadOnlyList<EntityMention> mentions, IReadOnlyList<Quote> quotes, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("article rows are written inside the article's transaction");
        }

        await RowInserter.InsertAsync(db, "ArticleParagraphs", ["ArticleId", "Ordinal", "Text"], paragraphs,
            p => [p.ArticleId, p.Ordinal, p.Text], cancellationToken);
        await RowInserter.InsertAsync(db, "RemovedBlocks", ["ArticleId", "Ordinal", "Text", "Reason"], removed,
            r => [r.ArticleId, r.Ordinal, r.Text, r.Reason], cancellationToken);
        await RowInserter.InsertAsync(db, "EntityMentions", ["ArticleId", "Type", "Text", "Role", "RefersTo", "Start", "End"], mentions,
            m => [m.ArticleId, m.Type.ToString(), m.Text, m.Role, m.RefersTo, m.Start, m.End], cancellationToken);
        await RowInserter.InsertAsync(db, "Quotes",
            ["ArticleId", "Text", "Partial", "Verb", "SpeakerText", "SpeakerDescription", "SpeakerMentionStart", "Context", "Start", "End", "Fingerprint"], quotes,
            q => [q.ArticleId, q.Text, q.Partial, q.Verb, q.SpeakerText, q.SpeakerDescription, q.SpeakerMentionStart, q.Context, q.Start, q.End, q.Fingerprint],
            cancellationToken);
    }
}
