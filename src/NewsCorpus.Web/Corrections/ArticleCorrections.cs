using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Search;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>An article's metadata set by hand, or the article deleted (and kept out when its file is read again).</summary>
public sealed class ArticleCorrections(NewsCorpusDbContext db, OutletDirectory outlets)
{
    public sealed record Fields(string Title, DateOnly? PublishedOn, string? Byline, string? WireOrigin, string? Outlet);

    public static Fields FieldsOf(Article article) =>
        new(article.Title, article.PublishedOn, article.Byline, article.WireOrigin, article.Outlet?.Name);

    public async Task<bool> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Outlet).FirstOrDefaultAsync(a => a.SourcePath == Read<ArticleRef>(correction.Subject).Path, cancellationToken);
        if (article is null)
        {
            return false;
        }

        if (correction.Kind == CorrectionKind.ArticleDeleted)
        {
            await DeleteAsync(article, cancellationToken);
            return true;
        }

        return await SetAsync(article, Read<Fields>(correction.After), cancellationToken);
    }

    /// <summary>Puts the fields back; a deleted article is read again from its file, which must still be there.</summary>
    public async Task<string?> UndoAsync(Correction correction, IngestionService ingestion, CancellationToken cancellationToken)
    {
        var subject = Read<ArticleRef>(correction.Subject);
        if (correction.Kind == CorrectionKind.ArticleDeleted)
        {
            if (!File.Exists(subject.Path))
            {
                return $"The article's file ({subject.Path}) is no longer there, so it cannot be read again.";
            }

            await ingestion.IngestAsync([subject.Path], "undo", null, cancellationToken);
            return null;
        }

        var article = await db.Articles.Include(a => a.Outlet).FirstOrDefaultAsync(a => a.SourcePath == subject.Path, cancellationToken);
        if (article is not null)
        {
            await SetAsync(article, Read<Fields>(correction.Before), cancellationToken);
        }

        return null;
    }

    private async Task<bool> SetAsync(Article article, Fields fields, CancellationToken cancellationToken)
    {
        if (FieldsOf(article) == fields)
        {
            return false;
        }

        (article.Title, article.PublishedOn, article.Byline, article.WireOrigin) = (fields.Title, fields.PublishedOn, fields.Byline, fields.WireOrigin);
        if (fields.Outlet != article.Outlet?.Name)
        {
            article.Outlet = string.IsNullOrWhiteSpace(fields.Outlet) ? null : await outlets.FindOrAddAsync(fields.Outlet, [], cancellationToken);
        }

        article.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await SearchOutbox.RecordAsync(db, article.Id, DateTime.UtcNow, cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private async Task DeleteAsync(Article article, CancellationToken cancellationToken)
    {
        await EntityBookkeeping.WithdrawArticleAsync(db, article.Id, cancellationToken);
        var clusters = await db.Quotes.Where(q => q.ArticleId == article.Id && q.QuoteClusterId != null).Select(q => q.QuoteClusterId!.Value).Distinct().ToListAsync(cancellationToken);
        // The articles table's trigger records the deletion for the search index.
        await db.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Entities.Where(e => e.MentionCount <= 0).ExecuteDeleteAsync(cancellationToken);
        await db.QuoteClusters.Where(c => clusters.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.QuoteCount, c => c.Quotes.Count()), cancellationToken);
        await db.QuoteClusters.Where(c => clusters.Contains(c.Id) && c.QuoteCount == 0).ExecuteDeleteAsync(cancellationToken);
        if (article.StoryId is { } story)
        {
            await db.Stories.Where(s => s.Id == story).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ArticleCount, x => x.Articles.Count())
                .SetProperty(x => x.OutletCount, x => x.Articles.Where(a => a.OutletId != null).Select(a => a.OutletId).Distinct().Count()), cancellationToken);
            await db.Stories.Where(s => s.Id == story && s.ArticleCount == 0).ExecuteDeleteAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }
}
