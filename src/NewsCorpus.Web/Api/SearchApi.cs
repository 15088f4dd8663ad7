using Microsoft.AspNetCore.Http.HttpResults;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/search and /api/search/quotes: the search language over articles and quotes.</summary>
public static class SearchApi
{
    public sealed record SearchItem(int ArticleId, string Title, string? Outlet, DateOnly? PublishedOn, string Snippet, double Score);

    public sealed record Facets(IReadOnlyList<FacetValue> Outlet, IReadOnlyList<FacetValue> Entity, IReadOnlyList<FacetValue> Month);

    public sealed record SearchResponse(int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items, Facets Facets, IReadOnlyList<string> Notes);

    public sealed record QuoteSearchResponse(int Total, int Page, int PageSize, IReadOnlyList<QuotesApi.QuoteItem> Items, IReadOnlyList<string> Notes);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/search").WithTags("Search");
        group.MapGet("/", SearchArticlesAsync);
        group.MapGet("/quotes", SearchQuotesAsync);
        return endpoints;
    }

    /// <summary>"date" sorts newest first; anything else is relevance.</summary>
    public static string Sort(string? sort) => string.Equals(sort, SearchService.Date, StringComparison.OrdinalIgnoreCase) ? SearchService.Date : SearchService.Relevance;

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchArticlesAsync(
        SearchService search, string? q, string? sort, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var results = await search.SearchArticlesAsync(SearchQuery.Parse(q), Sort(sort), pageNumber, size, cancellationToken);
        return TypedResults.Ok(new SearchResponse(results.Total, pageNumber, size,
            [.. results.Items.Select(i => new SearchItem(i.ArticleId, i.Title, i.Outlet, i.PublishedOn, i.SnippetHtml, Math.Round(-i.Score, 4)))],
            new Facets(results.Outlets, results.Entities, results.Months), results.Notes));
    }

    private static async Task<Results<Ok<QuoteSearchResponse>, ProblemHttpResult>> SearchQuotesAsync(
        SearchService search, string? q, string? sort, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        if (problem is not null)
        {
            return problem;
        }

        var results = await search.SearchQuotesAsync(SearchQuery.Parse(q), Sort(sort), pageNumber, size, cancellationToken);
        return TypedResults.Ok(new QuoteSearchResponse(results.Total, pageNumber, size,
            [.. results.Items.Select(i => new QuotesApi.QuoteItem(i.Id, i.Text, i.Partial, i.SpeakerId is { } id ? new QuotesApi.SpeakerRef(id, i.SpeakerName!) : null,
                i.SpeakerDescription, i.Verb, i.ArticleId, i.Outlet, i.ClusterId))],
            results.Notes));
    }
}
