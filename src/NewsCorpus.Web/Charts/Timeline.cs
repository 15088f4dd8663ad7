using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Charts;

/// <summary>
/// Attention over time: articles per day, week or month and outlet, for the whole corpus or for any search (then the
/// counts are those of the search's own hits, so they add up to its facet totals). Undated articles are counted apart.
/// </summary>
public static class Timeline
{
    public const string Day = "day";
    public const string Week = "week";
    public const string Month = "month";

    public sealed record Point(string Date, string Outlet, int Count);

    public sealed record Result(string Interval, IReadOnlyList<Point> Items, int Undated);

    public static string? ReadInterval(string? interval) => interval?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        Day or Week or Month => interval.Trim().ToLowerInvariant(),
        _ => throw new ArgumentException("interval must be day, week or month", nameof(interval)),
    };

    public static async Task<Result> LoadAsync(NewsCorpusDbContext db, SearchService search, string? q, string? interval, CancellationToken cancellationToken)
    {
        var articles = string.IsNullOrWhiteSpace(q)
            ? await WholeCorpusAsync(db, cancellationToken)
            : [.. (await search.MatchingFactsAsync(SearchQuery.Parse(q), cancellationToken))
                .Select(f => (f.PublishedOn, f.Outlet, Count: 1))];
        var dated = articles.Where(a => a.PublishedOn is not null).ToList();
        var chosen = interval ?? Choose(dated.Select(a => a.PublishedOn!.Value).ToList());
        var points = dated
            .GroupBy(a => (Date: Bucket(a.PublishedOn!.Value, chosen), a.Outlet))
            .Select(g => new Point(g.Key.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Key.Outlet, g.Sum(a => a.Count)))
            .OrderBy(p => p.Date, StringComparer.Ordinal).ThenBy(p => p.Outlet, StringComparer.Ordinal)
            .ToList();
        return new Result(chosen, points, articles.Where(a => a.PublishedOn is null).Sum(a => a.Count));
    }

    private static async Task<List<(DateOnly? PublishedOn, string Outlet, int Count)>> WholeCorpusAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Articles.AsNoTracking()
            .GroupBy(a => new { a.PublishedOn, Outlet = a.Outlet == null ? null : a.Outlet.Name })
            .Select(g => new { g.Key.PublishedOn, g.Key.Outlet, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.PublishedOn, r.Outlet ?? Outlet.UnknownName, r.Count))];
    }

    // A span of a few weeks reads by day, a few months by week, anything longer by month.
    private static string Choose(List<DateOnly> dates)
    {
        if (dates.Count == 0)
        {
            return Day;
        }

        var span = dates.Max().DayNumber - dates.Min().DayNumber;
        return span <= 31 ? Day : span <= 180 ? Week : Month;
    }

    public static DateOnly Bucket(DateOnly date, string interval) => interval switch
    {
        Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)), // the Monday of its week
        Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };
}
