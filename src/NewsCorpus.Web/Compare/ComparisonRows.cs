using System.Globalization;

namespace NewsCorpus.Web.Compare;

/// <summary>
/// A comparison as rows for a download, in long form (one row per part, row and article), so a spreadsheet or pandas
/// can pivot it: the aligned sentences, the speakers and the entities with their counts, and the figures.
/// </summary>
public static class ComparisonRows
{
    public sealed record Row(string Part, int RowNumber, string? Match, string? Name, string? Type, int ArticleId, string? Outlet, string Value);

    public static IEnumerable<Row> Of(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var articles = comparison.Articles;
        for (var r = 0; r < comparison.Alignment.Count; r++)
        {
            var row = comparison.Alignment[r];
            for (var a = 0; a < articles.Count; a++)
            {
                yield return new Row("alignment", r + 1, row.Match, null, null, articles[a].Id, articles[a].Outlet, row.Sentences[a] ?? "");
            }
        }

        foreach (var (part, grid) in new[] { ("speaker", comparison.Speakers), ("entity", comparison.Entities) })
        {
            for (var r = 0; r < grid.Count; r++)
            {
                for (var a = 0; a < articles.Count; a++)
                {
                    yield return new Row(part, r + 1, grid[r].OnlySome ? "not in all" : null, grid[r].Name, grid[r].Type?.ToString(), articles[a].Id, articles[a].Outlet,
                        grid[r].Counts[a].ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        for (var r = 0; r < comparison.Numbers.Count; r++)
        {
            var figures = comparison.Numbers[r];
            for (var a = 0; a < articles.Count; a++)
            {
                yield return new Row("figure", r + 1, figures.Differs ? "figures differ" : null, figures.Unit, null, articles[a].Id, articles[a].Outlet,
                    string.Join("; ", figures.PerArticle[a].Select(n => n.Text)));
            }
        }
    }
}
