using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;

namespace NewsCorpus.Web.Stories;

/// <summary>What the story list may be narrowed to and ordered by; the defaults list every story, newest first.</summary>
public sealed record StoryFilter(int MinOutlets = 0, bool HideSingle = false, string Sort = StoryFilter.ByDate, DateOnly? From = null, DateOnly? To = null, string? Entity = null)
{
    public const string ByDate = "date";
    public const string ByOutlets = "outlets";
    public const string ByArticles = "articles";

    public static string ReadSort(string? sort) => sort?.Trim().ToLowerInvariant() is ByOutlets or ByArticles ? sort.Trim().ToLowerInvariant() : ByDate;
}

/// <summary>
/// The story list the stories page, the home page and GET /api/stories share: filtered, sorted, a page at a time, each
/// story with the corpus's outlets that did not cover it (what Ground News calls a blindspot).
/// </summary>
public static class StoryList
{
    /// <summary>The corpus's outlets "not covered by" is worked out against: the ones with the most articles.</summary>
    public const int OutletsCompared = 30;

    public sealed record Item(int Id, string Title, DateOnly? FirstPublishedOn, DateOnly? LastPublishedOn, int ArticleCount, int OutletCount,
        IReadOnlyList<int> ArticleIds, IReadOnlyList<string> NotCoveredBy);

    public static async Task<(int Total, List<Item> Items)> LoadPageAsync(NewsCorpusDbContext db, StoryFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = await FilterAsync(db, filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorted(query, filter.Sort)
            .Skip((int)Math.Min((page - 1L) * pageSize, Api.Paging.MaxOffset)).Take(pageSize)
            .Select(s => new
            {
                s.Id, s.Title, s.FirstPublishedOn, s.LastPublishedOn, s.ArticleCount, s.OutletCount,
                ArticleIds = s.Articles.OrderBy(a => a.PublishedOn == null).ThenBy(a => a.PublishedOn).ThenBy(a => a.Id).Select(a => a.Id).ToList(),
            })
            .ToListAsync(cancellationToken);
        var storyIds = rows.Select(r => (int?)r.Id).ToList();
        var covered = (await db.Articles.AsNoTracking().Where(a => storyIds.Contains(a.StoryId) && a.Outlet != null)
                .Select(a => new { a.StoryId, a.Outlet!.Name }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(x => x.StoryId!.Value, x => x.Name);
        var corpusOutlets = await db.Outlets.AsNoTracking().Where(o => o.Articles.Any())
            .OrderByDescending(o => o.Articles.Count).ThenBy(o => o.Name).Take(OutletsCompared).Select(o => o.Name).ToListAsync(cancellationToken);
        return (total, [.. rows.Select(r => new Item(r.Id, r.Title, r.FirstPublishedOn, r.LastPublishedOn, r.ArticleCount, r.OutletCount, r.ArticleIds,
            [.. corpusOutlets.Where(o => !covered[r.Id].Contains(o))]))]);
    }

    public static async Task<IQueryable<Story>> FilterAsync(NewsCorpusDbContext db, StoryFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Stories.AsNoTracking();
        if (filter.MinOutlets > 0)
        {
            query = query.Where(s => s.OutletCount >= filter.MinOutlets);
        }

        if (filter.HideSingle)
        {
            query = query.Where(s => s.ArticleCount > 1);
        }

        if (filter.From is { } from)
        {
            query = query.Where(s => s.LastPublishedOn != null && s.LastPublishedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(s => s.FirstPublishedOn != null && s.FirstPublishedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            var ids = await EntityNames.FindIdsAsync(db, filter.Entity, cancellationToken);
            query = query.Where(s => s.Articles.Any(a => db.EntityMentions.Any(m => m.ArticleId == a.Id && m.EntityId != null && ids.Contains(m.EntityId.Value))));
        }

        return query;
    }

    private static IQueryable<Story> Sorted(IQueryable<Story> query, string sort) => sort switch
    {
        StoryFilter.ByOutlets => query.OrderByDescending(s => s.OutletCount).ThenByDescending(s => s.ArticleCount).ThenByDescending(s => s.LastPublishedOn).ThenByDescending(s => s.Id),
        StoryFilter.ByArticles => query.OrderByDescending(s => s.ArticleCount).ThenByDescending(s => s.OutletCount).ThenByDescending(s => s.LastPublishedOn).ThenByDescending(s => s.Id),
        _ => query.OrderBy(s => s.LastPublishedOn == null).ThenByDescending(s => s.LastPublishedOn).ThenByDescending(s => s.Id),
    };
}
