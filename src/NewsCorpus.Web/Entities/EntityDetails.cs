using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// Everything the entity page and GET /api/entities/{id} show about one entity: its names and roles, mentions by outlet,
/// its quotes with where they ran, the articles that name it (a page at a time, by outlet), and what it appears with.
/// </summary>
public static class EntityDetails
{
    public const int ArticlesPerPage = 25;
    public const int MaxQuotes = 200;

    public sealed record OutletMentions(string? Outlet, int Mentions);

    public sealed record EntityQuote(int Id, string Text, bool Partial, string? Verb, int ArticleId, string ArticleTitle, string? Outlet, DateOnly? PublishedOn);

    public sealed record EntityArticle(int Id, string Title, string? Outlet, DateOnly? PublishedOn, int Mentions);

    public sealed record RelatedEntity(int Id, string Name, EntityType Type, int SharedArticles);

    public sealed record Adjective(string Word, int Count);

    public sealed record Detail(int Id, string Name, EntityType Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, int MentionCount, int ArticleCount,
        IReadOnlyList<OutletMentions> MentionsByOutlet, IReadOnlyList<EntityQuote> Quotes, IReadOnlyList<RelatedEntity> SeenWith, IReadOnlyList<Adjective> Adjectives,
        IReadOnlyList<EntityArticle> Articles, int ArticlesPage);

    public static async Task<Detail?> LoadAsync(NewsCorpusDbContext db, int id, int articlesPage, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.AsNoTracking().Include(e => e.Aliases).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var byOutlet = await db.EntityMentions.AsNoTracking()
            .Where(m => m.EntityId == id)
            .Join(db.Articles, m => m.ArticleId, a => a.Id, (m, a) => a.Outlet == null ? null : a.Outlet.Name)
            .GroupBy(name => name)
            .Select(g => new OutletMentions(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var quotes = await db.Quotes.AsNoTracking()
            .Where(q => q.SpeakerEntityId == id)
            .OrderBy(q => q.ArticleId).ThenBy(q => q.Start)
            .Select(q => new EntityQuote(q.Id, q.Text, q.Partial, q.Verb, q.ArticleId, q.Article!.Title, q.Article.Outlet == null ? null : q.Article.Outlet.Name, q.Article.PublishedOn))
            .Take(MaxQuotes)
            .ToListAsync(cancellationToken);
        var page = Math.Clamp(articlesPage, 1, Math.Max(1, (entity.ArticleCount + ArticlesPerPage - 1) / ArticlesPerPage));
        return new Detail(entity.Id, entity.Name, entity.Type,
            [.. entity.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal)],
            entity.Roles is null ? [] : entity.Roles.Split("; "),
            entity.MentionCount, entity.ArticleCount,
            [.. byOutlet.OrderByDescending(o => o.Mentions)],
            quotes,
            await SeenWithAsync(db, id, cancellationToken),
            entity.Type == EntityType.Location ? await AdjectivesAsync(db, entity.Name, cancellationToken) : [],
            await ArticlesAsync(db, id, page, cancellationToken),
            page);
    }

    // The articles that name the entity, grouped by outlet (unknown outlets last), newest first within each.
    private static Task<List<EntityArticle>> ArticlesAsync(NewsCorpusDbContext db, int id, int page, CancellationToken cancellationToken) =>
        db.EntityMentions.AsNoTracking().Where(m => m.EntityId == id)
            .GroupBy(m => m.ArticleId).Select(g => new { ArticleId = g.Key, Mentions = g.Count() })
            .Join(db.Articles, x => x.ArticleId, a => a.Id, (x, a) => new { a.Id, a.Title, Outlet = a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn, x.Mentions })
            .OrderBy(a => a.Outlet == null).ThenBy(a => a.Outlet).ThenByDescending(a => a.PublishedOn).ThenBy(a => a.Id)
            .Skip((page - 1) * ArticlesPerPage).Take(ArticlesPerPage)
            .Select(a => new EntityArticle(a.Id, a.Title, a.Outlet, a.PublishedOn, a.Mentions))
            .ToListAsync(cancellationToken);

    private static async Task<List<RelatedEntity>> SeenWithAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
    {
        var articles = db.EntityMentions.Where(m => m.EntityId == id).Select(m => m.ArticleId).Distinct();
        var seenWith = await db.EntityMentions.AsNoTracking()
            .Where(m => m.EntityId != null && m.EntityId != id && articles.Contains(m.ArticleId))
            .GroupBy(m => m.EntityId)
            .Select(g => new { EntityId = g.Key!.Value, Shared = g.Select(m => m.ArticleId).Distinct().Count() })
            .OrderByDescending(x => x.Shared)
            .Take(10)
            .Join(db.Entities, x => x.EntityId, e => e.Id, (x, e) => new RelatedEntity(e.Id, e.Name, e.Type, x.Shared))
            .ToListAsync(cancellationToken);
        return [.. seenWith.OrderByDescending(s => s.SharedArticles).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    // Demonyms point at their country: "Iranian" for Iran.
    private static async Task<List<Adjective>> AdjectivesAsync(NewsCorpusDbContext db, string name, CancellationToken cancellationToken) =>
        [.. (await db.EntityMentions.AsNoTracking().Where(m => m.Type == EntityType.Group && m.RefersTo == name)
            .GroupBy(m => m.Text).Select(g => new Adjective(g.Key, g.Count())).ToListAsync(cancellationToken)).OrderByDescending(a => a.Count)];
}
