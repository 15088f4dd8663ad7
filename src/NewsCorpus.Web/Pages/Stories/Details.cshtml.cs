using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Stories;
using NewsCorpus.Web.Compare;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Stories;

/// <summary>One story: its articles by outlet and time, a coverage timeline, near-copies, and a picker to compare them.</summary>
public sealed class DetailsModel(NewsCorpusDbContext db) : PageModel
{
    public sealed record TimelineDay(DateOnly? Day, IReadOnlyList<StoryDetails.StoryArticle> Articles);

    public StoryDetails.Detail Story { get; private set; } = null!;

    public IReadOnlyList<TimelineDay> Timeline { get; private set; } = [];

    public IReadOnlyList<IGrouping<string, StoryDetails.StoryArticle>> ByOutlet { get; private set; } = [];

    public int MostInOneDay { get; private set; }

    public static int MaxCompared => CompareRequest.MaxArticles;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var story = await StoryDetails.LoadAsync(db, id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        Timeline = story.Articles.GroupBy(a => a.PublishedOn).OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => new TimelineDay(g.Key, g.ToList())).ToList();
        MostInOneDay = Timeline.Count == 0 ? 1 : Timeline.Max(d => d.Articles.Count);
        ByOutlet = story.Articles.GroupBy(a => a.Outlet ?? "Unknown outlet").OrderBy(g => g.Key == "Unknown outlet").ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return Page();
    }

    public string TitleOf(int articleId) => Story.Articles.FirstOrDefault(a => a.Id == articleId) is { } a ? $"{a.Outlet ?? "Unknown outlet"}: {a.Title}" : $"article {articleId}";
}
