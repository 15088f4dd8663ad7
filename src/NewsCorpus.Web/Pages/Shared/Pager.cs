namespace NewsCorpus.Web.Pages.Shared;

/// <summary>Previous/next links for a paged list; UrlFor builds the link for a page number.</summary>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> UrlFor)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
