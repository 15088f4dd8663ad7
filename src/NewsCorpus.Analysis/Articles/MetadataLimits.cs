namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// Lengths past which a title, outlet or byline is no longer one (a page that put its whole text in the title tag, a
/// sidecar with a 100,000-character title): such a field is cut at a word boundary and the cut is reported.
/// </summary>
public static class MetadataLimits
{
    public const int Title = 500;
    public const int Outlet = 200;
    public const int Byline = 300;

    public static ParsedArticle Apply(ParsedArticle parsed)
    {
        var warnings = new List<string>(parsed.Warnings);
        var result = parsed with
        {
            Title = Cut(parsed.Title, Title, "title", warnings)!,
            Outlet = Cut(parsed.Outlet, Outlet, "outlet", warnings),
            Byline = Cut(parsed.Byline, Byline, "byline", warnings),
        };
        return warnings.Count == parsed.Warnings.Count ? parsed : result with { Warnings = warnings };
    }

    private static string? Cut(string? value, int max, string field, List<string> warnings)
    {
        if (value is null || value.Length <= max)
        {
            return value;
        }

        var space = value.LastIndexOf(' ', max - 1);
        var cut = (space > max / 2 ? value[..space] : value[..(max - 1)]).TrimEnd() + "…";
        warnings.Add($"{field} of {value.Length:N0} characters cut to {cut.Length}");
        return cut;
    }
}
