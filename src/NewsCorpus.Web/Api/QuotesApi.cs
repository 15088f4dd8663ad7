using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Exports;
using NewsCorpus.Web.Quotes;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/quotes: quotes by speaker (any alias), words and outlet.</summary>
public static class QuotesApi
{
    public sealed record SpeakerRef(int Id, string Name);

    public sealed record QuoteItem(int Id, string Text, bool Partial, SpeakerRef? Speaker, string? SpeakerDescription, string? Verb, int ArticleId, string? Outlet, int? ClusterId);

    public sealed record QuotePage(int Total, int Page, int PageSize, IReadOnlyList<QuoteItem> Items);

    /// <summary>One quote as a row of the export: who said it (the resolved speaker, or the description given), where and when.</summary>
    public sealed record QuoteRow(
        int Id, string Text, bool Partial, string? Speaker, int? SpeakerEntityId, string? SpeakerDescription, string? Verb,
        string? Outlet, DateOnly? PublishedOn, string? Url, int ArticleId, string ArticleTitle, int? ClusterId);

    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/quotes", ListAsync).WithTags("Quotes");
        return endpoints;
    }

    private static async Task<Results<Ok<QuotePage>, ProblemHttpResult, StreamedExport>> ListAsync(
        NewsCorpusDbContext db, string? speaker, string? q, string? outlet, int? page, int? pageSize, string? format, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        var (export, formatProblem) = StreamedExport.ReadFormat(format);
        if ((problem ?? formatProblem) is { } invalid)
        {
            return invalid;
        }

        var (query, count) = await QuoteQuery.FilterAsync(db, speaker, q, outlet, cancellationToken);
        if (export is { } exportFormat)
        {
            var rows = query.OrderBy(x => x.ArticleId).ThenBy(x => x.Start)
                .Select(x => new QuoteRow(x.Id, x.Text, x.Partial, x.SpeakerEntity == null ? x.SpeakerText : x.SpeakerEntity.Name, x.SpeakerEntityId,
                    x.SpeakerDescription, x.Verb, x.Article!.Outlet == null ? null : x.Article.Outlet.Name, x.Article.PublishedOn, x.Article.Url,
                    x.ArticleId, x.Article.Title, x.QuoteClusterId))
                .AsAsyncEnumerable();
            return StreamedExport.Of(rows, exportFormat, "quotes");
        }

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
