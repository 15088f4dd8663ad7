using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Api;

/// <summary>GET /api/stories and /api/stories/{id}: articles grouped by the event they cover.</summary>
public static class StoriesApi
{
    public sealed record StoryPage(int Total, int Page, int PageSize, IReadOnlyList<Stories.StoryList.Item> Items);

    public sealed record StoryArticle(int Id, string Title, string? Outlet, DateOnly? PublishedOn, TimeOnly? PublishedTime, string? Byline, string? WireOrigin, int WordCount);

    /// <summary>Articles that carry most of each other's sentences: the same copy run by several outlets.</summary>
    public sealed record NearCopies(IReadOnlyList<int> ArticleIds, double SmallestShare);

    public sealed record StoryDetail(int Id, string Title, DateOnly? FirstPublishedOn, DateOnly? LastPublishedOn, int ArticleCount, int OutletCount,
        IReadOnlyList<StoryArticle> Articles, IReadOnlyList<NearCopies> NearCopies);

    /// <summary>Share of sentences from which two articles count as copies of one text.</summary>
    public const double NearCopyShare = 0.5;

    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/stories").WithTags("Stories");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:int}", GetAsync);
        return endpoints;
    }

    public static async Task<StoryDetail?> LoadAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
    {
        var story = await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (story is null)
        {
            return null;
        }

        var articles = await db.Articles.AsNoTracking().Where(a => a.StoryId == id)
            .OrderBy(a => a.PublishedOn == null).ThenBy(a => a.PublishedOn).ThenBy(a => a.PublishedTime).ThenBy(a => a.Id)
            .Select(a => new StoryArticle(a.Id, a.Title, a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn, a.PublishedTime, a.Byline, a.WireOrigin, a.WordCount))
            .ToListAsync(cancellationToken);
        var ids = articles.Select(a => a.Id).ToList();
        var overlaps = await db.ArticleOverlaps.AsNoTracking().Where(o => ids.Contains(o.ArticleId) && ids.Contains(o.OtherArticleId))
            .Select(o => new { o.ArticleId, o.OtherArticleId, o.SharedSentences, o.SentenceCount })
            .ToListAsync(cancellationToken);
        var share = overlaps.ToDictionary(o => (o.ArticleId, o.OtherArticleId), o => o.SentenceCount == 0 ? 0 : (double)o.SharedSentences / o.SentenceCount);

        // Near-copies: pairs where each carries at least half of the other's sentences, joined transitively.
        var groupOf = ids.ToDictionary(i => i, i => i);
        int Root(int x) => groupOf[x] == x ? x : groupOf[x] = Root(groupOf[x]);
        foreach (var ((a, b), value) in share)
        {
            if (a < b && value >= NearCopyShare && share.GetValueOrDefault((b, a)) >= NearCopyShare)
            {
                groupOf[Root(b)] = Root(a);
            }
        }

        var nearCopies = ids.GroupBy(Root).Where(g => g.Count() > 1)
            .Select(g =>
            {
                var members = g.ToList();
                var smallest = members.SelectMany(a => members.Where(b => b != a).Select(b => share.GetValueOrDefault((a, b)))).Min();
                return new NearCopies(members, Math.Round(smallest, 3));
            })
            .ToList();
        return new StoryDetail(story.Id, story.Title, story.FirstPublishedOn, story.LastPublishedOn, story.ArticleCount, story.OutletCount, articles, nearCopies);
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

    private static async Task<Results<Ok<StoryDetail>, ProblemHttpResult>> GetAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
    {
        var story = await LoadAsync(db, id, cancellationToken);
        return story is null
            ? TypedResults.Problem(title: "Story not found", detail: $"There is no story {id}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(story);
    }
}
