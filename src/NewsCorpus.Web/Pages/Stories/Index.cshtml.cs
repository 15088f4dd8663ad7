using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Stories;

namespace NewsCorpus.Web.Pages.Stories;

/// <summary>Stories, newest first: each one event with the articles and outlets that covered it.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<StoryList.Item> Stories { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? MinOutlets { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool HideSingle { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    public StoryFilter Filter => new(Math.Clamp(MinOutlets ?? 0, 0, 1000), HideSingle, StoryFilter.ReadSort(Sort), From, To, Entity is { Length: > 200 } ? Entity[..200] : Entity);

    private Dictionary<string, string?> FilterValues => new()
    {
        ["minOutlets"] = MinOutlets is > 0 ? MinOutlets.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        ["hideSingle"] = HideSingle ? "true" : null,
        ["sort"] = Filter.Sort == StoryFilter.ByDate ? null : Filter.Sort,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["entity"] = Entity,
    };

    /// <summary>The list as a download, with the filters the page shows.</summary>
    public Shared.Downloads Downloads => new("/api/stories", FilterValues, "these stories");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, Api.Paging.MaxOffset / PageSize);
        var (total, items) = await StoryList.LoadPageAsync(db, Filter, PageNumber, PageSize, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (PageNumber > pageCount)
        {
            PageNumber = pageCount;
            (total, items) = await StoryList.LoadPageAsync(db, Filter, PageNumber, PageSize, cancellationToken);
        }

        Total = total;
        Stories = items;
    }

    public string PageUrl(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Stories", FilterValues.Where(f => f.Value is not null).Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
