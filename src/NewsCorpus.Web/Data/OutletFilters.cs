namespace NewsCorpus.Web.Data;

/// <summary>
/// The one rule for "from this outlet" in every list, filter and chart: any name the outlet goes by (its aliases), or
/// "unknown" for articles whose outlet the text and metadata did not give.
/// </summary>
public static class OutletFilters
{
    public static bool IsUnknown(string? outlet) => string.Equals(outlet?.Trim(), Outlet.UnknownName, StringComparison.OrdinalIgnoreCase);

    public static IQueryable<Article> FromOutlet(this IQueryable<Article> articles, string outlet)
    {
        if (IsUnknown(outlet))
        {
            return articles.Where(a => a.OutletId == null);
        }

        var key = Outlet.Normalize(outlet);
        return articles.Where(a => a.Outlet != null && (a.Outlet.NormalizedName == key || a.Outlet.Aliases.Any(x => x.Key == key)));
    }

    public static IQueryable<Quote> FromOutlet(this IQueryable<Quote> quotes, string outlet)
    {
        if (IsUnknown(outlet))
        {
            return quotes.Where(q => q.Article!.OutletId == null);
        }

        var key = Outlet.Normalize(outlet);
        return quotes.Where(q => q.Article!.Outlet != null && (q.Article.Outlet.NormalizedName == key || q.Article.Outlet.Aliases.Any(x => x.Key == key)));
    }
}
