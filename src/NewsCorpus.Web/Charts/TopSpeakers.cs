using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Charts;

/// <summary>Who is quoted: the most quoted people, overall or in one outlet or period, and how often each outlet quotes them.</summary>
public static class TopSpeakers
{
    public const int Count = 15;
    public const int OutletsShown = 8;

    public sealed record Speaker(int SpeakerId, string Name, int Quotes);

    public sealed record OutletSpeaker(string Outlet, int SpeakerId, int Quotes);

    public sealed record Result(IReadOnlyList<Speaker> Items, IReadOnlyList<OutletSpeaker> ByOutlet);

    public static async Task<Result> LoadAsync(NewsCorpusDbContext db, string? outlet, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var quotes = db.Quotes.AsNoTracking().Where(q => q.SpeakerEntityId != null);
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            quotes = quotes.FromOutlet(outlet);
        }

        if (from is { } start)
        {
            quotes = quotes.Where(q => q.Article!.PublishedOn >= start);
        }

        if (to is { } end)
        {
            quotes = quotes.Where(q => q.Article!.PublishedOn <= end);
        }

        var top = await quotes.GroupBy(q => q.SpeakerEntityId!.Value).Select(g => new { SpeakerId = g.Key, Quotes = g.Count() })
            .OrderByDescending(g => g.Quotes).ThenBy(g => g.SpeakerId).Take(Count).ToListAsync(cancellationToken);
        var ids = top.Select(t => t.SpeakerId).ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var byOutlet = await quotes.Where(q => ids.Contains(q.SpeakerEntityId!.Value))
            .GroupBy(q => new { Outlet = q.Article!.Outlet == null ? null : q.Article.Outlet.Name, SpeakerId = q.SpeakerEntityId!.Value })
            .Select(g => new { g.Key.Outlet, g.Key.SpeakerId, Quotes = g.Count() })
            .ToListAsync(cancellationToken);
        var outlets = byOutlet.GroupBy(r => r.Outlet).OrderByDescending(g => g.Sum(r => r.Quotes)).Take(OutletsShown).Select(g => g.Key).ToHashSet();
        return new Result(
            [.. top.Where(t => names.ContainsKey(t.SpeakerId)).Select(t => new Speaker(t.SpeakerId, names[t.SpeakerId], t.Quotes))],
            [.. byOutlet.Where(r => outlets.Contains(r.Outlet)).OrderBy(r => r.Outlet ?? "~").ThenBy(r => ids.IndexOf(r.SpeakerId))
                .Select(r => new OutletSpeaker(r.Outlet ?? Outlet.UnknownName, r.SpeakerId, r.Quotes))]);
    }
}
