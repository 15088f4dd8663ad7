using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Compare;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Compare;

/// <summary>/Compare?articles=1,2,3: the coverage of 2 to 6 articles side by side.</summary>
public sealed class IndexModel(CompareService compare, NewsCorpusDbContext db) : PageModel
{
    public Comparison? Comparison { get; private set; }

    /// <summary>Why nothing could be compared, shown instead of the comparison.</summary>
    public string? Problem { get; private set; }

    /// <summary>The story all compared articles belong to, if they share one.</summary>
    public (int Id, string Title)? Story { get; private set; }

    /// <summary>Which alignment rows to show: all, changed (everything but identical rows) or own (sentences one outlet alone carries).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>Rows past which a comparison opens on its differences: a long shared wire text buries them.</summary>
    public const int LongComparison = 40;

    public string RowFilter => Show is "changed" or "own" or "all" ? Show
        : Comparison is { } c && c.Alignment.Count > LongComparison ? "changed" : "all";

    public IEnumerable<AlignmentRowView> VisibleRows => RowFilter switch
    {
        "changed" => Comparison!.Alignment.Where(r => r.Match != "identical"),
        "own" => Comparison!.Alignment.Where(r => r.Match == "unique"),
        _ => Comparison!.Alignment,
    };

    /// <summary>What passage links start with: nothing when every row is on the page, else the unfiltered page.</summary>
    public string AnchorBase => RowFilter == "all" ? "" : $"/Compare?articles={string.Join(",", Comparison!.Articles.Select(a => a.Id))}&show=all";

    /// <summary>The comparison as a download (aligned rows, speakers, entities and figures, one row per article each).</summary>
    public Shared.Downloads Downloads => new("/api/compare", new Dictionary<string, string?> { ["articles"] = string.Join(",", Comparison!.Articles.Select(a => a.Id)) }, "this comparison");

    public string FilterUrl(string show) => $"/Compare?articles={string.Join(",", Comparison!.Articles.Select(a => a.Id))}&show={show}#text";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (ids, error) = CompareRequest.Parse(Request.Query["articles"]);
        if (error is not null)
        {
            Problem = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (comparison, missing) = await compare.CompareAsync(ids, cancellationToken);
        if (comparison is null)
        {
            Problem = missing.Count == 1 ? $"There is no article {missing[0]}." : $"There are no articles {string.Join(", ", missing)}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Comparison = comparison;
        var stories = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.StoryId).Distinct().ToListAsync(cancellationToken);
        if (stories is [{ } storyId])
        {
            var title = await db.Stories.AsNoTracking().Where(s => s.Id == storyId).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken);
            Story = title is null ? null : (storyId, title);
        }

        return Page();
    }

    public string OutletOf(int index) => Comparison!.Articles[index].Outlet ?? "Unknown outlet";

    /// <summary>The first words of an article's headline, to tell columns of one outlet (or of unknown outlets) apart.</summary>
    public string ShortHeadline(int index)
    {
        var words = Comparison!.Articles[index].Title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 6 ? string.Join(' ', words) : string.Join(' ', words.Take(6)) + "…";
    }

    public static string MatchLabel(string match) => match switch
    {
        "identical" => "Identical",
        "edited" => "Edited",
        "reworded" => "Reworded",
        _ => "Own",
    };
}
