using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/entities and /api/entities/{id}: resolved people, organisations and places.</summary>
public static class EntitiesApi
{
    public sealed record EntityItem(int Id, string Name, string Type, IReadOnlyList<string> Aliases, int MentionCount);

    public sealed record EntityPage(int Total, int Page, int PageSize, IReadOnlyList<EntityItem> Items);

    public sealed record OutletMentions(string? Outlet, int Mentions);

    public sealed record EntityQuote(int Id, string Text, bool Partial, string? Verb, int ArticleId);

    public sealed record RelatedEntity(int Id, string Name, string Type, int SharedArticles);

    public sealed record Adjective(string Word, int Count);

    public sealed record EntityDetail(int Id, string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyList<string> Roles, int MentionCount, int ArticleCount,
        IReadOnlyList<OutletMentions> MentionsByOutlet, IReadOnlyList<EntityQuote> Quotes, IReadOnlyList<RelatedEntity> SeenWith, IReadOnlyList<Adjective> Adjectives);

    private static readonly string[] s_types = ["Person", "Organization", "Location"];

    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/entities").WithTags("Entities");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:int}", GetAsync);
        return endpoints;
    }

    /// <summary>"person", "PERSON", "Person" all name the same type; null when the text names none.</summary>
    public static string? ParseType(string? type) =>
        s_types.FirstOrDefault(t => string.Equals(t, type?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(t[..3], type?.Trim(), StringComparison.OrdinalIgnoreCase)
            || (t == "Organization" && string.Equals(type?.Trim(), "organisation", StringComparison.OrdinalIgnoreCase)));

    /// <summary>One entity as a row of the export; aliases and roles joined with "; ".</summary>
    public sealed record EntityRow(int Id, string Name, string Type, string Aliases, string? Roles, int MentionCount, int ArticleCount, int OutletCount, int QuoteCount);

    private static async Task<Results<Ok<EntityPage>, ProblemHttpResult, Exports.StreamedExport>> ListAsync(
        NewsCorpusDbContext db, string? type, string? q, int? page, int? pageSize, string? format, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        var (export, formatProblem) = Exports.StreamedExport.ReadFormat(format);
        if ((problem ?? formatProblem) is { } invalid)
        {
            return invalid;
        }

        var query = db.Entities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(type))
        {
            var parsed = ParseType(type);
            if (parsed is null)
            {
                return TypedResults.Problem(title: "Unknown entity type", detail: "type must be person, organization or location.", statusCode: StatusCodes.Status400BadRequest);
            }

            query = query.Where(e => e.Type == parsed);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + TextPatterns.Escape(q.Trim().ToUpperInvariant()) + "%";
            query = query.Where(e => e.Aliases.Any(a => EF.Functions.Like(a.NormalizedName, pattern, "\\")));
        }

        if (export is { } exportFormat)
        {
            var rows = query.OrderByDescending(e => e.MentionCount).ThenBy(e => e.Name)
                .Select(e => new EntityRow(e.Id, e.Name, e.Type, string.Join("; ", e.Aliases.OrderBy(a => a.Name).Select(a => a.Name)), e.Roles,
                    e.MentionCount, e.ArticleCount, e.OutletCount, e.QuoteCount))
                .AsAsyncEnumerable();
            return Exports.StreamedExport.Of(rows, exportFormat, "entities");
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.MentionCount).ThenBy(e => e.Name)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(e => new EntityItem(e.Id, e.Name, e.Type, e.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(), e.MentionCount))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new EntityPage(total, pageNumber, size, items));
    }

    private static async Task<Results<Ok<EntityDetail>, ProblemHttpResult>> GetAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
    {
        var detail = await LoadAsync(db, id, cancellationToken);
        return detail is null
            ? TypedResults.Problem(title: "Entity not found", detail: $"There is no entity with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(detail);
    }

    /// <summary>Everything the entity page and API show about one entity.</summary>
    public static async Task<EntityDetail?> LoadAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
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
            .Select(q => new EntityQuote(q.Id, q.Text, q.Partial, q.Verb, q.ArticleId))
            .Take(200)
            .ToListAsync(cancellationToken);
        var articles = db.EntityMentions.Where(m => m.EntityId == id).Select(m => m.ArticleId).Distinct();
        var seenWith = await db.EntityMentions.AsNoTracking()
            .Where(m => m.EntityId != null && m.EntityId != id && articles.Contains(m.ArticleId))
            .GroupBy(m => m.EntityId)
            .Select(g => new { EntityId = g.Key!.Value, Shared = g.Select(m => m.ArticleId).Distinct().Count() })
            .OrderByDescending(x => x.Shared)
            .Take(10)
            .Join(db.Entities, x => x.EntityId, e => e.Id, (x, e) => new RelatedEntity(e.Id, e.Name, e.Type, x.Shared))
            .ToListAsync(cancellationToken);
        // Demonyms point at their country: "Iranian" for Iran.
        var adjectives = entity.Type == "Location"
            ? await db.EntityMentions.AsNoTracking().Where(m => m.Type == "Group" && m.RefersTo == entity.Name)
                .GroupBy(m => m.Text).Select(g => new Adjective(g.Key, g.Count())).ToListAsync(cancellationToken)
            : [];
        return new EntityDetail(entity.Id, entity.Name, entity.Type,
            [.. entity.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal)],
            entity.Roles is null ? [] : entity.Roles.Split("; "),
            entity.MentionCount, entity.ArticleCount,
            [.. byOutlet.OrderByDescending(o => o.Mentions)],
            quotes,
            [.. seenWith.OrderByDescending(s => s.SharedArticles).ThenBy(s => s.Name, StringComparer.Ordinal)],
            [.. adjectives.OrderByDescending(a => a.Count)]);
    }
}
