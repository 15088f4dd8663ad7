using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Articles;

/// <summary>The article list: sortable by date, outlet and title, filterable by outlet, 25 a page.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 25;

    public sealed record Row(int Id, string Title, bool TitleDerived, string? Outlet, DateOnly? PublishedOn, int WordCount, string? WireOrigin);

    [BindProperty(SupportsGet = true)]
    public string? Outlet { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<string> OutletNames { get; private set; } = [];

    public string SortKey => Sort is "outlet" or "title" ? Sort : "date";

    /// <summary>Dates sort newest first by default; names A to Z.</summary>
    public bool Descending => Dir is null ? SortKey == "date" : Dir == "desc";

    /// <summary>The list as a download, with the filters the page shows.</summary>
    public Shared.Downloads Downloads => new("/api/articles", new Dictionary<string, string?> { ["outlet"] = Outlet }, "these articles");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OutletNames = await db.Outlets.Where(o => o.Articles.Any()).OrderBy(o => o.Name).Select(o => o.Name).ToListAsync(cancellationToken);

        var query = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Outlet))
        {
            query = query.FromOutlet(Outlet);
        }

        Total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pageCount);

        query = (SortKey, Descending) switch
        {
            ("title", false) => query.OrderBy(a => a.Title).ThenBy(a => a.Id),
            ("title", true) => query.OrderByDescending(a => a.Title).ThenBy(a => a.Id),
            ("outlet", false) => query.OrderBy(a => a.Outlet == null).ThenBy(a => a.Outlet!.Name).ThenByDescending(a => a.PublishedOn).ThenBy(a => a.Id),
            ("outlet", true) => query.OrderBy(a => a.Outlet == null).ThenByDescending(a => a.Outlet!.Name).ThenByDescending(a => a.PublishedOn).ThenBy(a => a.Id),
            (_, false) => query.OrderBy(a => a.PublishedOn == null).ThenBy(a => a.PublishedOn).ThenBy(a => a.PublishedTime).ThenBy(a => a.Id),
            _ => query.OrderBy(a => a.PublishedOn == null).ThenByDescending(a => a.PublishedOn).ThenByDescending(a => a.PublishedTime).ThenBy(a => a.Id),
        };

        Rows = await query
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.Title, a.TitleDerived, a.Outlet != null ? a.Outlet.Name : null, a.PublishedOn, a.WordCount, a.WireOrigin))
            .ToListAsync(cancellationToken);
    }

    public string SortUrl(string key)
    {
        // Clicking the current column flips its direction; another column starts in its natural order.
        var dir = key == SortKey ? (Descending ? "asc" : "desc") : (key == "date" ? "desc" : "asc");
        return Url.Page("/Articles/Index", new { outlet = Outlet, sort = key, dir })!;
    }

    public string? AriaSort(string key) => key == SortKey ? (Descending ? "descending" : "ascending") : null;

    public string PageUrl(int page) => Url.Page("/Articles/Index", new { outlet = Outlet, sort = Sort, dir = Dir, page })!;
}
