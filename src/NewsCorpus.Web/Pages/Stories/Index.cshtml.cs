using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Api;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Stories;

/// <summary>Stories, newest first: each one event with the articles and outlets that covered it.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<StoriesApi.StoryItem> Stories { get; private set; } = [];

    /// <summary>The list as a download, with the filters the page shows.</summary>
    public Shared.Downloads Downloads => new("/api/stories", new Dictionary<string, string?>(), "every story");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, Api.Paging.MaxOffset / PageSize);
        var (total, items) = await StoriesApi.LoadPageAsync(db, PageNumber, PageSize, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (PageNumber > pageCount)
        {
            PageNumber = pageCount;
            (total, items) = await StoriesApi.LoadPageAsync(db, PageNumber, PageSize, cancellationToken);
        }

        Total = total;
        Stories = items;
    }

    public string PageUrl(int page) => Url.Page("/Stories/Index", new { page })!;
}
