using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Quotes;

namespace NewsCorpus.Web.Pages.Quotes;

/// <summary>Quote search by speaker (any alias), words and outlet, one result per statement with every outlet that carried it.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Carriers listed per statement: a statement a wire spread to hundreds of outlets lists the first ones and a count.</summary>
    public const int MaxCarriers = 25;

    public sealed record Carrier(int QuoteId, int ArticleId, string ArticleTitle, string? Outlet, DateOnly? PublishedOn, string Text, string? Verb, string Context, bool Partial);

    public sealed record Statement(int? ClusterId, string Text, int? SpeakerId, string? SpeakerName, string? SpeakerDescription, IReadOnlyList<Carrier> Carriers, int CarrierCount)
    {
        public IReadOnlyList<string> Variants => [.. Carriers.Select(c => c.Text).Distinct(StringComparer.Ordinal)];
    }

    [BindProperty(SupportsGet = true)]
    public string? Speaker { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int StatementCount { get; private set; }

    public IReadOnlyList<Statement> Statements { get; private set; } = [];

    public IReadOnlyList<string> SpeakerNames { get; private set; } = [];

    public IReadOnlyList<string> OutletNames { get; private set; } = [];

    /// <summary>The list as a download, with the filters the page shows.</summary>
    public Shared.Downloads Downloads => new("/api/quotes", new Dictionary<string, string?> { ["speaker"] = Speaker, ["q"] = Q, ["outlet"] = Outlet }, "these quotes");

    /// <summary>The most quoted people (in the chosen outlet), for the charts.</summary>
    public Charts.TopSpeakers.Result Speakers { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Speaker = Limit(Speaker);
        Q = Limit(Q);
        SpeakerNames = await db.EntityAliases
            .Where(a => db.Quotes.Any(q => q.SpeakerEntityId == a.EntityId))
            .Select(a => a.Name).Distinct().OrderBy(n => n).Take(1000).ToListAsync(cancellationToken);
        OutletNames = await db.Outlets.Where(o => o.Articles.Any()).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);

        Speakers = await Charts.TopSpeakers.LoadAsync(db, Outlet, null, null, cancellationToken);
        var (query, count) = await QuoteQuery.FilterAsync(db, Speaker, Q, Outlet, cancellationToken);
        Total = await count(cancellationToken);
        var clusters = query.GroupBy(q => q.QuoteClusterId ?? -q.Id).Select(g => new { Key = g.Key, Count = g.Count(), First = g.Min(q => q.Id) });
        StatementCount = await clusters.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (StatementCount + PageSize - 1) / PageSize));
        var keys = await clusters.OrderByDescending(c => c.Count).ThenBy(c => c.First)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(c => c.Key).ToListAsync(cancellationToken);

        // Each statement's carriers: its count from the cluster row, and only the first ones shown, read per
        // cluster from the cluster index (a much-repeated statement has thousands of carriers).
        var clusterIds = keys.Where(k => k > 0).ToList();
        var counts = await db.QuoteClusters.AsNoTracking().Where(c => clusterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.QuoteCount, cancellationToken);
        var members = keys.Where(k => k < 0).ToDictionary(k => k, k => (Count: 1, Shown: new List<int> { -k }));
        foreach (var clusterId in clusterIds)
        {
            var first = await db.Quotes.AsNoTracking().Where(q => q.QuoteClusterId == clusterId).OrderBy(q => q.Id)
                .Select(q => q.Id).Take(MaxCarriers).ToListAsync(cancellationToken);
            members[clusterId] = (counts.GetValueOrDefault(clusterId, first.Count), first);
        }

        var shown = members.Values.SelectMany(m => m.Shown).ToList();
        var rows = await db.Quotes.AsNoTracking()
            .Where(q => shown.Contains(q.Id))
            .Select(q => new
            {
                Key = q.QuoteClusterId ?? -q.Id,
                ClusterText = q.QuoteCluster == null ? null : q.QuoteCluster.Text,
                q.SpeakerEntityId,
                SpeakerName = q.SpeakerEntity == null ? null : q.SpeakerEntity.Name,
                q.SpeakerDescription,
                Carrier = new Carrier(q.Id, q.ArticleId, q.Article!.Title, q.Article.Outlet == null ? null : q.Article.Outlet.Name, q.Article.PublishedOn, q.Text, q.Verb, q.Context, q.Partial),
            })
            .ToListAsync(cancellationToken);
        Statements = [.. keys.Select(key => rows.Where(r => r.Key == key).ToList()).Where(g => g.Count > 0).Select(g =>
        {
            var named = g.FirstOrDefault(r => r.SpeakerEntityId is not null) ?? g[0];
            return new Statement(g[0].Key > 0 ? g[0].Key : null, g[0].ClusterText ?? g[0].Carrier.Text, named.SpeakerEntityId, named.SpeakerName, named.SpeakerDescription,
                [.. g.Select(r => r.Carrier).OrderBy(c => c.Outlet ?? "~").ThenBy(c => c.ArticleId)], members[g[0].Key].Count);
        })];
    }

    public string PageUrl(int page) => Url.Page("/Quotes/Index", new { speaker = Speaker, q = Q, outlet = Outlet, page })!;

    private static string? Limit(string? text) => text is { Length: > 200 } ? text[..200] : text;
}
