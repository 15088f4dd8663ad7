using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Pages.Search;

/// <summary>Search over articles or quotes; the URL holds the whole state (query, tab, sort, page), so a search can be shared.</summary>
public sealed class IndexModel(SearchService search, Data.NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool QuotesTab => string.Equals(Tab, "quotes", StringComparison.OrdinalIgnoreCase);

    public string SortKey => SearchService.ReadSort(Sort);

    public SearchQuery Query { get; private set; } = SearchQuery.Parse(null);

    public ArticleResults? Articles { get; private set; }

    public QuoteResults? Quotes { get; private set; }

    public int Total => QuotesTab ? Quotes?.Total ?? 0 : Articles?.Total ?? 0;

    /// <summary>The matching articles over time by outlet (article tab only).</summary>
    public Charts.Timeline.Result? Attention { get; private set; }

    public IReadOnlyList<string> Notes => (QuotesTab ? Quotes?.Notes : Articles?.Notes) ?? Query.Notes;

    /// <summary>The list as a download, with the filters the page shows.</summary>
    public Shared.Downloads Downloads => new(QuotesTab ? "/api/search/quotes" : "/api/search", new Dictionary<string, string?> { ["q"] = Q, ["sort"] = SortKey }, "every match");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Query = SearchQuery.Parse(Q);
        PageNumber = Math.Clamp(PageNumber, 1, Api.Paging.MaxOffset / PageSize);
        if (QuotesTab)
        {
            Quotes = await search.SearchQuotesAsync(Query, SortKey, PageNumber, PageSize, cancellationToken);
        }
        else
        {
            Articles = await search.SearchArticlesAsync(Query, SortKey, PageNumber, PageSize, cancellationToken);
            Attention = Articles.Total > 0 ? await Charts.Timeline.LoadAsync(db, search, Q, null, cancellationToken) : null;
        }
    }

    public string LinkTo(string? q = null, string? tab = null, string? sort = null, int? page = null) =>
        Url.Page("/Search/Index", new { q = q ?? Q, tab = tab ?? (QuotesTab ? "quotes" : null), sort = sort ?? (SortKey == SearchService.Date ? SearchService.Date : null), page })!;

    /// <summary>The current query narrowed by a facet value, e.g. adding outlet:"The Jerusalem Post".</summary>
    public string Narrow(string filter, string value) => LinkTo(q: $"{Q} {filter}:\"{value}\"".Trim());
}
