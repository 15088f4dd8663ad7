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

    public string OutletOf(int index) => Comparison!.Articles[index].Outlet ?? $"Article {Comparison.Articles[index].Id}";

    public static string MatchLabel(string match) => match switch
    {
        "identical" => "Identical",
        "edited" => "Edited",
        "reworded" => "Reworded",
        _ => "Own",
    };
}
