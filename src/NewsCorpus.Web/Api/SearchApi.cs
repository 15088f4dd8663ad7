using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsCorpus.Web.Exports;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/search and /api/search/quotes: the search language over articles and quotes.</summary>
public static class SearchApi
{
    public sealed record SearchItem(int ArticleId, string Title, string? Outlet, DateOnly? PublishedOn, string Snippet, double Score);

    public sealed record Facets(IReadOnlyList<FacetValue> Outlet, IReadOnlyList<FacetValue> Entity, IReadOnlyList<FacetValue> Month);

    public sealed record SearchResponse(int Total, int Page, int PageSize, IReadOnlyList<SearchItem> Items, Facets Facets, IReadOnlyList<string> Notes);

    /// <summary>One matching article as a row of the export, in the search's order.</summary>
    public sealed record SearchRow(int ArticleId, string Title, string? Outlet, DateOnly? PublishedOn, double Score);

    /// <summary>One matching quote as a row of the export.</summary>
    public sealed record QuoteSearchRow(int Id, string Text, bool Partial, int? SpeakerEntityId, string? Speaker, string? SpeakerDescription, string? Verb, int ArticleId, string? Outlet, int? ClusterId);

    /// <summary>Results read per call while an export walks every match.</summary>
    private const int ExportPage = 500;

    public sealed record QuoteSearchResponse(int Total, int Page, int PageSize, IReadOnlyList<QuotesApi.QuoteItem> Items, IReadOnlyList<string> Notes);

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/search").WithTags("Search");
        group.MapGet("/", SearchArticlesAsync);
        group.MapGet("/quotes", SearchQuotesAsync);
        return endpoints;
    }


    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult, StreamedExport>> SearchArticlesAsync(
        SearchService search, string? q, string? sort, int? page, int? pageSize, string? format, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        var (export, formatProblem) = StreamedExport.ReadFormat(format);
        if ((problem ?? formatProblem) is { } invalid)
        {
            return invalid;
        }

        if (export is { } exportFormat)
        {
            return StreamedExport.Of(AllArticles(search, SearchQuery.Parse(q), SearchService.ReadSort(sort), CancellationToken.None), exportFormat, "search");
        }

        var results = await search.SearchArticlesAsync(SearchQuery.Parse(q), SearchService.ReadSort(sort), pageNumber, size, cancellationToken);
        return TypedResults.Ok(new SearchResponse(results.Total, pageNumber, size,
            [.. results.Items.Select(i => new SearchItem(i.ArticleId, i.Title, i.Outlet, i.PublishedOn, i.SnippetHtml, Math.Round(i.Score, 4)))],
            new Facets(results.Outlets, results.Entities, results.Months), results.Notes));
    }

    private static async Task<Results<Ok<QuoteSearchResponse>, ProblemHttpResult, StreamedExport>> SearchQuotesAsync(
        SearchService search, string? q, string? sort, int? page, int? pageSize, string? format, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        var (export, formatProblem) = StreamedExport.ReadFormat(format);
        if ((problem ?? formatProblem) is { } invalid)
        {
            return invalid;
        }

        if (export is { } exportFormat)
        {
            return StreamedExport.Of(AllQuotes(search, SearchQuery.Parse(q), SearchService.ReadSort(sort), CancellationToken.None), exportFormat, "quote-search");
        }

        var results = await search.SearchQuotesAsync(SearchQuery.Parse(q), SearchService.ReadSort(sort), pageNumber, size, cancellationToken);
        return TypedResults.Ok(new QuoteSearchResponse(results.Total, pageNumber, size,
            [.. results.Items.Select(i => new QuotesApi.QuoteItem(i.Id, i.Text, i.Partial, i.SpeakerId is { } id ? new QuotesApi.SpeakerRef(id, i.SpeakerName!) : null,
                i.SpeakerDescription, i.Verb, i.ArticleId, i.Outlet, i.ClusterId))],
            results.Notes));
    }

    private static async IAsyncEnumerable<SearchRow> AllArticles(SearchService search, SearchQuery query, string sort, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var results = await search.SearchArticlesAsync(query, sort, page, ExportPage, cancellationToken);
            foreach (var item in results.Items)
            {
                yield return new SearchRow(item.ArticleId, item.Title, item.Outlet, item.PublishedOn, Math.Round(item.Score, 4));
            }

            if (results.Items.Count < ExportPage || (long)page * ExportPage >= results.Total)
            {
                yield break;
            }
        }
    }

    private static async IAsyncEnumerable<QuoteSearchRow> AllQuotes(SearchService search, SearchQuery query, string sort, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var results = await search.SearchQuotesAsync(query, sort, page, ExportPage, cancellationToken);
            foreach (var i in results.Items)
            {
                yield return new QuoteSearchRow(i.Id, i.Text, i.Partial, i.SpeakerId, i.SpeakerName, i.SpeakerDescription, i.Verb, i.ArticleId, i.Outlet, i.ClusterId);
            }

            if (results.Items.Count < ExportPage || (long)page * ExportPage >= results.Total)
            {
                yield break;
            }
        }
    }
}
