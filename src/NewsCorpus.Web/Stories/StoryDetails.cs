using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Stories;

/// <summary>Everything the story page and GET /api/stories/{id} show about one story: its articles by time and its near-copies.</summary>
public static class StoryDetails
{
    public sealed record StoryArticle(int Id, string Title, string? Outlet, DateOnly? PublishedOn, TimeOnly? PublishedTime, string? Byline, string? WireOrigin, int WordCount);

    /// <summary>Articles that carry most of each other's sentences: the same copy run by several outlets.</summary>
    public sealed record NearCopies(IReadOnlyList<int> ArticleIds, double SmallestShare);

    public sealed record Detail(int Id, string Title, DateOnly? FirstPublishedOn, DateOnly? LastPublishedOn, int ArticleCount, int OutletCount,
        IReadOnlyList<StoryArticle> Articles, IReadOnlyList<NearCopies> NearCopies);

    /// <summary>Share of sentences from which two articles count as copies of one text.</summary>
    public const double NearCopyShare = 0.5;

    public static async Task<Detail?> LoadAsync(NewsCorpusDbContext db, int id, CancellationToken cancellationToken)
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
        return new Detail(story.Id, story.Title, story.FirstPublishedOn, story.LastPublishedOn, story.ArticleCount, story.OutletCount, articles, nearCopies);
    }
}
