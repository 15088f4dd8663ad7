using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/entities and /api/entities/{id}: resolved people, organisations and places.</summary>
public static class EntitiesApi
{
    public sealed record EntityItem(int Id, string Name, EntityType Type, IReadOnlyList<string> Aliases, int MentionCount);

    public sealed record EntityPage(int Total, int Page, int PageSize, IReadOnlyList<EntityItem> Items);


    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/entities").WithTags("Entities");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:int}", GetAsync);
        return endpoints;
    }


    /// <summary>One entity as a row of the export; aliases and roles joined with "; ".</summary>
    public sealed record EntityRow(int Id, string Name, EntityType Type, string Aliases, string? Roles, int MentionCount, int ArticleCount, int OutletCount, int QuoteCount,
        string MentionsByOutlet);

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
            var parsed = Entities.EntityTypes.Parse(type);
            if (parsed is null)
            {
                return TypedResults.Problem(title: "Unknown entity type", detail: "type must be person, organization or location.", statusCode: StatusCodes.Status400BadRequest);
            }

            query = query.Where(e => e.Type == parsed.Value);
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
                    e.MentionCount, e.ArticleCount, e.OutletCount, e.QuoteCount, ""))
                .AsAsyncEnumerable();
            return Exports.StreamedExport.Of(WithOutlets(rows, await MentionsByOutletAsync(db, cancellationToken)), exportFormat, "entities");
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(e => e.MentionCount).ThenBy(e => e.Name)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(e => new EntityItem(e.Id, e.Name, e.Type, e.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(), e.MentionCount))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new EntityPage(total, pageNumber, size, items));
    }

    // "The Daily Ledger: 12; Harbour Gazette: 3" for each entity: its mentions counted by outlet, most first.
    private static async Task<ILookup<int, string>> MentionsByOutletAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.EntityMentions.AsNoTracking().Where(m => m.EntityId != null)
            .Join(db.Articles, m => m.ArticleId, a => a.Id, (m, a) => new { EntityId = m.EntityId!.Value, Outlet = a.Outlet == null ? null : a.Outlet.Name })
            .GroupBy(x => new { x.EntityId, x.Outlet })
            .Select(g => new { g.Key.EntityId, g.Key.Outlet, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.OrderByDescending(c => c.Count).ThenBy(c => c.Outlet, StringComparer.Ordinal)
            .ToLookup(c => c.EntityId, c => $"{c.Outlet ?? Outlet.UnknownName}: {c.Count}");
    }

    private static async IAsyncEnumerable<EntityRow> WithOutlets(IAsyncEnumerable<EntityRow> rows, ILookup<int, string> byOutlet)
    {
        await foreach (var row in rows)
        {
            yield return row with { MentionsByOutlet = string.Join("; ", byOutlet[row.Id]) };
        }
    }

    private static async Task<Results<Ok<Entities.EntityDetails.Detail>, ProblemHttpResult>> GetAsync(NewsCorpusDbContext db, int id, int? articlesPage, CancellationToken cancellationToken)
    {
        var detail = await Entities.EntityDetails.LoadAsync(db, id, articlesPage ?? 1, cancellationToken);
        return detail is null
            ? TypedResults.Problem(title: "Entity not found", detail: $"There is no entity with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(detail);
    }
}
