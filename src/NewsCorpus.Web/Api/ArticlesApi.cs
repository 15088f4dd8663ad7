using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Exports;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/articles and /api/articles/{id}: the stored articles as JSON.</summary>
public static class ArticlesApi
{
    public sealed record ArticleItem(
        int Id, string Title, bool TitleDerived, string? Outlet, DateOnly? PublishedOn, TimeOnly? PublishedTime,
        string? Byline, string? WireOrigin, string SourcePath, int WordCount);

    public sealed record ArticlePage(int Total, int Page, int PageSize, IReadOnlyList<ArticleItem> Items);

    public sealed record RemovedItem(string Text, string Reason);

    /// <summary>One article as a row of the export (format=csv or jsonl).</summary>
    public sealed record ArticleRow(
        int Id, string Title, string? Outlet, DateOnly? PublishedOn, TimeOnly? PublishedTime, string? Byline, string? WireOrigin,
        string? Url, string FileName, int WordCount, int? StoryId, string? Language);

    public sealed record ArticleDetail(
        int Id, string Title, bool TitleDerived, string? Outlet, string? OutletEvidence, DateOnly? PublishedOn, TimeOnly? PublishedTime,
        string? Byline, string? WireOrigin, string SourcePath, string? Url, string? Language, int WordCount,
        IReadOnlyList<string> Paragraphs, IReadOnlyList<RemovedItem> Removed);

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/articles").WithTags("Articles");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:int}", GetAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<ArticlePage>, ProblemHttpResult, StreamedExport>> ListAsync(
        NewsCorpusDbContext db, string? outlet, int? page, int? pageSize, string? format, CancellationToken cancellationToken)
    {
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        var (export, formatProblem) = StreamedExport.ReadFormat(format);
        if ((problem ?? formatProblem) is { } invalid)
        {
            return invalid;
        }

        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            query = query.FromOutlet(outlet);
        }

        if (export is { } exportFormat)
        {
            var rows = query.OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Id)
                .Select(a => new ArticleRow(a.Id, a.Title, a.Outlet != null ? a.Outlet.Name : null, a.PublishedOn, a.PublishedTime, a.Byline,
                    a.WireOrigin, a.Url, a.SourcePath, a.WordCount, a.StoryId, a.Language))
                .AsAsyncEnumerable();
            return StreamedExport.Of(WithFileNames(rows), exportFormat, "articles");
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Id)
            .Skip((pageNumber - 1) * size).Take(size)
            .Select(a => new ArticleItem(a.Id, a.Title, a.TitleDerived, a.Outlet != null ? a.Outlet.Name : null, a.PublishedOn, a.PublishedTime,
                a.Byline, a.WireOrigin, a.SourcePath, a.WordCount))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ArticlePage(total, pageNumber, size, items));
    }

    // The file's name, not where it lies on the server.
    private static async IAsyncEnumerable<ArticleRow> WithFileNames(IAsyncEnumerable<ArticleRow> rows)
    {
        await foreach (var row in rows)
        {
            yield return row with { FileName = Path.GetFileName(row.FileName) };
        }
    }

    private static async Task<Results<Ok<ArticleDetail>, ProblemHttpResult>> GetAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ArticleDetail(a.Id, a.Title, a.TitleDerived, a.Outlet != null ? a.Outlet.Name : null, a.OutletEvidence,
                a.PublishedOn, a.PublishedTime, a.Byline, a.WireOrigin, a.SourcePath, a.Url, a.Language, a.WordCount,
                a.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text).ToList(),
                a.RemovedBlocks.OrderBy(r => r.Ordinal).Select(r => new RemovedItem(r.Text, r.Reason)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        return article is null
            ? TypedResults.Problem(title: "Article not found", detail: $"There is no article with id {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(article);
    }
}
