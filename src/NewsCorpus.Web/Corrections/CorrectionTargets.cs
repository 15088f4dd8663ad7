using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using static NewsCorpus.Web.Corrections.CorrectionRefs;

namespace NewsCorpus.Web.Corrections;

/// <summary>Finds the rows a correction's stable keys name today, and makes those keys for a row.</summary>
public static class CorrectionTargets
{
    public static Task<Article?> ArticleAsync(NewsCorpusDbContext db, ArticleRef article, CancellationToken cancellationToken) =>
        db.Articles.FirstOrDefaultAsync(a => a.SourcePath == article.Path, cancellationToken);

    public static Task<Quote?> QuoteAsync(NewsCorpusDbContext db, QuoteRef quote, CancellationToken cancellationToken) =>
        db.Quotes.FirstOrDefaultAsync(q => q.Article!.SourcePath == quote.Path && q.Start == quote.Start, cancellationToken);

    public static Task<Outlet?> OutletAsync(NewsCorpusDbContext db, OutletRef outlet, CancellationToken cancellationToken) =>
        db.Outlets.FirstOrDefaultAsync(o => o.NormalizedName == outlet.Key, cancellationToken);

    /// <summary>
    /// The entity that goes by the name (one of its aliases, or its name), of the given type if there is one, else of
    /// any type (a retyped entity); the most mentioned when several do.
    /// </summary>
    public static async Task<Entity?> EntityAsync(NewsCorpusDbContext db, EntityRef entity, CancellationToken cancellationToken)
    {
        var normalized = entity.Name.Trim().ToUpperInvariant();
        var ids = await db.EntityAliases.Where(a => a.NormalizedName == normalized).Select(a => a.EntityId)
            .Union(db.Entities.Where(e => e.Name == entity.Name).Select(e => e.Id)).ToListAsync(cancellationToken);
        var candidates = await db.Entities.Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        return candidates.OrderByDescending(e => e.Type == entity.Type).ThenByDescending(e => e.MentionCount).ThenBy(e => e.Id).FirstOrDefault();
    }

    /// <summary>The entity's key: its name when it is one of its aliases (it is, unless corrected), else its commonest alias.</summary>
    public static async Task<EntityRef> RefOfAsync(NewsCorpusDbContext db, Entity entity, CancellationToken cancellationToken)
    {
        var aliases = await AliasesAsync(db, entity.Id, cancellationToken);
        var name = aliases.Contains(entity.Name) || aliases.Count == 0 ? entity.Name : aliases[0];
        return new EntityRef(entity.Type, name);
    }

    /// <summary>The entity's aliases, most mentioned first.</summary>
    public static Task<List<string>> AliasesAsync(NewsCorpusDbContext db, int entityId, CancellationToken cancellationToken) =>
        db.EntityAliases.Where(a => a.EntityId == entityId).OrderByDescending(a => a.MentionCount).ThenBy(a => a.Name).Select(a => a.Name).ToListAsync(cancellationToken);

    public static async Task<QuoteRef> RefOfAsync(NewsCorpusDbContext db, Quote quote, CancellationToken cancellationToken) =>
        new(await db.Articles.Where(a => a.Id == quote.ArticleId).Select(a => a.SourcePath).SingleAsync(cancellationToken), quote.Start);
}
