using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Charts;

/// <summary>
/// Who runs whose copy: for each pair of outlets, how many sentences of the row outlet's articles also stand in the
/// column outlet's articles of the same story, over the outlets that share the most.
/// </summary>
public static class SharedCopy
{
    public const int OutletsShown = 8;

    public sealed record Cell(string Outlet, string OtherOutlet, int SharedSentences);

    public sealed record Result(IReadOnlyList<string> Outlets, IReadOnlyList<Cell> Cells);

    public static async Task<Result> LoadAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var pairs = await db.ArticleOverlaps.AsNoTracking()
            .Join(db.Articles, o => o.ArticleId, a => a.Id, (o, a) => new { o.OtherArticleId, o.SharedSentences, Outlet = a.Outlet == null ? null : a.Outlet.Name })
            .Join(db.Articles, x => x.OtherArticleId, a => a.Id, (x, a) => new { x.Outlet, Other = a.Outlet == null ? null : a.Outlet.Name, x.SharedSentences })
            .Where(x => x.Outlet != null && x.Other != null && x.Outlet != x.Other)
            .GroupBy(x => new { x.Outlet, x.Other })
            .Select(g => new { g.Key.Outlet, g.Key.Other, Shared = g.Sum(x => x.SharedSentences) })
            .ToListAsync(cancellationToken);
        var outlets = pairs.GroupBy(p => p.Outlet!).OrderByDescending(g => g.Sum(p => p.Shared)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(OutletsShown).Select(g => g.Key).ToList();
        var cells = pairs.Where(p => outlets.Contains(p.Outlet!) && outlets.Contains(p.Other!))
            .Select(p => new Cell(p.Outlet!, p.Other!, p.Shared)).ToList();
        return new Result(outlets, cells);
    }
}
