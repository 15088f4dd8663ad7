using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/stories and /api/stories/{id}: articles grouped by the event they cover.</summary>
public static class StoriesApi
{
    public sealed record StoryPage(int Total, int Page, int PageSize, IReadOnlyList<Stories.StoryList.Item> Items);

    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stories").WithTags("Stories");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:int}", GetAsync);
        return endpoints;
    }

    /// <summary>One story as a row of the export.</summary>
    public sealed record StoryRow(int Id, string Title, DateOnly? FirstPublishedOn, DateOnly? LastPublishedOn, int ArticleCount, int OutletCount, int? CentralArticleId);

    private static async Task<Results<Ok<StoryPage>, ProblemHttpResult, Exports.StreamedExport>> ListAsync(
        NewsCorpusDbContext db, int? page, int? pageSize, string? format, int? minOutlets, bool? hideSingle, string? sort, DateOnly? from, DateOnly? to, string? entity,
        CancellationToken cancellationToken)
    {
        var filter = new Stories.StoryFilter(Math.Max(0, minOutlets ?? 0), hideSingle ?? false, Stories.StoryFilter.ReadSort(sort), from, to, entity);
        var (pageNumber, size, problem) = Paging.Read(page, pageSize);
        var (export, formatProblem) = Exports.StreamedExport.ReadFormat(format);
        if ((problem ?? formatProblem) is { } invalid)
        {
            return invalid;
        }

        if (export is { } exportFormat)
        {
            var rows = (await Stories.StoryList.FilterAsync(db, filter, cancellationToken))
                .OrderBy(s => s.LastPublishedOn == null).ThenByDescending(s => s.LastPublishedOn).ThenByDescending(s => s.Id)
                .Select(s => new StoryRow(s.Id, s.Title, s.FirstPublishedOn, s.LastPublishedOn, s.ArticleCount, s.OutletCount, s.CentralArticleId))
                .AsAsyncEnumerable();
            return Exports.StreamedExport.Of(rows, exportFormat, "stories");
        }

        var (total, items) = await Stories.StoryList.LoadPageAsync(db, filter, pageNumber, size, cancellationToken);
        return TypedResults.Ok(new StoryPage(total, pageNumber, size, items));
    }

    private static async Task<Results<Ok<Stories.StoryDetails.Detail>, ProblemHttpResult>> GetAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
    {
        var story = await Stories.StoryDetails.LoadAsync(db, id, cancellationToken);
        return story is null
            ? TypedResults.Problem(title: "Story not found", detail: $"There is no story {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(story);
    }
}
