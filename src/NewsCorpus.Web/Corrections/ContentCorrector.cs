using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>An article's fields changed (null keeps a field; an empty string clears it).</summary>
public sealed record ArticleEdit(string? Title, DateOnly? PublishedOn, string? Byline, string? WireOrigin, string? Outlet, bool ClearDate = false);

/// <summary>An editor's corrections of articles, quotes and outlets, checked and turned into recorded overrides.</summary>
public sealed class ContentCorrector(NewsCorpusDbContext db, QuoteCorrections quotes, OutletCorrections outlets, CorrectionService corrections)
{
    public async Task<CorrectionResult> EditArticleAsync(int id, ArticleEdit edit, string user, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Outlet).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return CorrectionResult.NotFound("article");
        }

        var before = ArticleCorrections.FieldsOf(article);
        var after = new ArticleCorrections.Fields(
            Clean(edit.Title) ?? before.Title,
            edit.ClearDate ? null : edit.PublishedOn ?? before.PublishedOn,
            edit.Byline is null ? before.Byline : Clean(edit.Byline),
            edit.WireOrigin is null ? before.WireOrigin : Clean(edit.WireOrigin),
            edit.Outlet is null ? before.Outlet : Clean(edit.Outlet));
        var problem = after.Title.Length > 1000 ? "A title has at most 1,000 characters."
            : after.Byline?.Length > 300 ? "A byline has at most 300 characters."
            : after.WireOrigin?.Length > 200 || after.Outlet?.Length > 200 ? "An outlet or wire service name has at most 200 characters."
            : after == before ? "Nothing to change: the article already says this."
            : null;
        return problem is not null ? CorrectionResult.Invalid(problem)
            : await corrections.RecordAsync(CorrectionKind.ArticleFields, Write(new ArticleRef(article.SourcePath)), $"Edited article “{article.Title}”",
                Write(before), Write(after), user, cancellationToken);
    }

    public async Task<CorrectionResult> DeleteArticleAsync(int id, string user, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return article is null ? CorrectionResult.NotFound("article")
            : await corrections.RecordAsync(CorrectionKind.ArticleDeleted, Write(new ArticleRef(article.SourcePath)), $"Deleted article “{article.Title}”",
                Write(new { article.Title }), "{}", user, cancellationToken);
    }

    /// <summary>Sets the speaker to an entity, or to a description, or (both null) to nobody.</summary>
    public async Task<CorrectionResult> SetSpeakerAsync(int quoteId, int? entityId, string? description, string user, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, cancellationToken);
        var entity = entityId is { } id ? await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) : null;
        description = Clean(description);
        if (quote is null || (entityId is not null && entity is null))
        {
            return CorrectionResult.NotFound(quote is null ? "quote" : "entity to attribute the quote to");
        }

        if (description?.Length > 300)
        {
            return CorrectionResult.Invalid("A speaker description has at most 300 characters.");
        }

        var speaker = new QuoteCorrections.Speaker(entity is null ? null : await CorrectionTargets.RefOfAsync(db, entity, cancellationToken), entity is null ? description : null);
        var who = entity?.Name ?? description ?? "nobody";
        return await RecordQuoteAsync(CorrectionKind.QuoteSpeaker, quote, $"Attributed the quote “{Short(quote.Text)}” to {who}", Write(speaker), user, cancellationToken);
    }

    public async Task<CorrectionResult> QuoteAsync(int quoteId, CorrectionKind kind, string user, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, cancellationToken);
        if (quote is null)
        {
            return CorrectionResult.NotFound("quote");
        }

        if (kind == CorrectionKind.QuoteUnmerged && quote.QuoteClusterId is null)
        {
            return CorrectionResult.Invalid("The quote is not grouped with a statement.");
        }

        var summary = kind == CorrectionKind.QuoteNotAQuote ? $"Marked “{Short(quote.Text)}” as not a quote" : $"Took “{Short(quote.Text)}” out of its statement";
        return await RecordQuoteAsync(kind, quote, summary, "{}", user, cancellationToken);
    }

    public async Task<CorrectionResult> RenameOutletAsync(int id, string name, string user, CancellationToken cancellationToken)
    {
        var outlet = await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        name = Clean(name) ?? "";
        return outlet is null ? CorrectionResult.NotFound("outlet")
            : name.Length is 0 or > 200 ? CorrectionResult.Invalid("An outlet name has 1 to 200 characters.")
            : name == outlet.Name ? CorrectionResult.Invalid("Nothing to change: the outlet already has this name.")
            : await corrections.RecordAsync(CorrectionKind.OutletRenamed, Write(new OutletRef(outlet.NormalizedName)), $"Renamed outlet “{outlet.Name}” to “{name}”",
                await outlets.BeforeAsync(CorrectionKind.OutletRenamed, outlet, cancellationToken), Write(new OutletCorrections.NameChange(name)), user, cancellationToken);
    }

    public async Task<CorrectionResult> MergeOutletAsync(int id, int intoId, string user, CancellationToken cancellationToken)
    {
        var outlet = await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        var into = await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == intoId, cancellationToken);
        return outlet is null || into is null ? CorrectionResult.NotFound(outlet is null ? "outlet" : "outlet to merge into")
            : outlet.Id == into.Id ? CorrectionResult.Invalid("An outlet cannot be merged into itself.")
            : await corrections.RecordAsync(CorrectionKind.OutletMerged, Write(new OutletRef(outlet.NormalizedName)), $"Merged outlet “{outlet.Name}” into “{into.Name}”",
                await outlets.BeforeAsync(CorrectionKind.OutletMerged, outlet, cancellationToken), Write(new OutletCorrections.MergeInto(new OutletRef(into.NormalizedName))), user, cancellationToken);
    }

    private async Task<CorrectionResult> RecordQuoteAsync(CorrectionKind kind, Quote quote, string summary, string after, string user, CancellationToken cancellationToken) =>
        await corrections.RecordAsync(kind, Write(await CorrectionTargets.RefOfAsync(db, quote, cancellationToken)), summary,
            await quotes.BeforeAsync(kind, quote, cancellationToken), after, user, cancellationToken);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Short(string text) => CorrectionService.Limit(text, 80);
}
