using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Quotes;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/quotes: quotes by speaker (any alias), words and outlet.</summary>
public static class QuotesApi
{
    public sealed record SpeakerRef(int Id, string Name);

    public sealed record QuoteItem(int Id, string Text, bool Partial, SpeakerRef? Speaker, string? SpeakerDescription, string? Verb, int ArticleId, string? Outlet, int? ClusterId);

    public sealed record QuotePage(int Total, int Page, int PageSize, IReadOnlyList<QuoteItem> Items);

    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/quotes", ListAsync).WithTags("Quotes");
        return endpoints;
    }

    private static async Task<Results<Ok<QuotePage>, ProblemHttpResult>> ListAsync(
        NewsCorpusDbContext db, string? speaker, string? q, string? outlet, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var (query, count) = await QuoteQuery.FilterAsync(db, speaker, q, outlet, cancellationToken);
        var total = await count(cancellationToken);
        var items = await query
            .OrderBy(x => x.ArticleId).ThenBy(x => x.Start)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(x => new QuoteItem(x.Id, x.Text, x.Partial,
                x.SpeakerEntity == null ? null : new SpeakerRef(x.SpeakerEntity.Id, x.SpeakerEntity.Name),
                x.SpeakerDescription, x.Verb, x.ArticleId, x.Article!.Outlet == null ? null : x.Article.Outlet.Name, x.QuoteClusterId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new QuotePage(total, pageNumber, size, items));
    }
}
