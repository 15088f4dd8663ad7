using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages;

/// <summary>The corpus at a glance: counts, date range, outlets and the last ingestion run.</summary>
public sealed class IndexModel(NewsCorpusDbContext db, Web.Search.SearchService search) : PageModel
{
    public sealed record OutletCount(int? Id, string Name, int Articles);

    public sealed record RunSummary(int Id, string Trigger, DateTime StartedAt, DateTime? FinishedAt, int Added, int Updated, int Unchanged, int Duplicate, int Failed, IReadOnlyList<IngestionFailure> Failures);

    public int ArticleCount { get; private set; }

    public int OutletTotal { get; private set; }

    public int WordTotal { get; private set; }

    public DateOnly? FirstDate { get; private set; }

    public DateOnly? LastDate { get; private set; }

    public IReadOnlyList<OutletCount> Outlets { get; private set; } = [];

    public RunSummary? LastRun { get; private set; }

    public int StoryTotal { get; private set; }

    /// <summary>The newest stories covered by at least two outlets: where comparing coverage starts.</summary>
    public IReadOnlyList<Web.Stories.StoryList.Item> LatestStories { get; private set; } = [];

    /// <summary>Articles over time by outlet, for the attention chart.</summary>
    public Charts.Timeline.Result Attention { get; private set; } = new("day", [], 0);

    /// <summary>Sentences each outlet shares with each other, for the who-runs-whose-copy chart.</summary>
    public Charts.SharedCopy.Result SharedCopy { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Attention = await Charts.Timeline.LoadAsync(db, search, null, null, cancellationToken);
        SharedCopy = await Charts.SharedCopy.LoadAsync(db, cancellationToken);
        ArticleCount = await db.Articles.CountAsync(cancellationToken);
        StoryTotal = await db.Stories.CountAsync(cancellationToken);
        LatestStories = (await Web.Stories.StoryList.LoadPageAsync(db, new Web.Stories.StoryFilter(MinOutlets: 2, HideSingle: true), 1, 5, cancellationToken)).Items;
        OutletTotal = await db.Outlets.CountAsync(o => o.Articles.Any(), cancellationToken);
        WordTotal = ArticleCount == 0 ? 0 : await db.Articles.SumAsync(a => a.WordCount, cancellationToken);
        FirstDate = await db.Articles.MinAsync(a => a.PublishedOn, cancellationToken);
        LastDate = await db.Articles.MaxAsync(a => a.PublishedOn, cancellationToken);

        var named = await db.Outlets
            .Where(o => o.Articles.Any())
            .Select(o => new OutletCount(o.Id, o.Name, o.Articles.Count))
            .ToListAsync(cancellationToken);
        var unknown = await db.Articles.CountAsync(a => a.OutletId == null, cancellationToken);
        Outlets = [.. named.OrderByDescending(o => o.Articles).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)];
        if (unknown > 0)
        {
            Outlets = [.. Outlets, new OutletCount(null, "Unknown outlet", unknown)];
        }

        LastRun = await db.IngestionRuns
            .OrderByDescending(r => r.Id)
            .Select(r => new RunSummary(r.Id, r.Trigger, r.StartedAt, r.FinishedAt, r.Added, r.Updated, r.Unchanged, r.Duplicate, r.Failed, r.Failures.OrderBy(f => f.Id).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
