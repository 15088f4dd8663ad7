using System.Globalization;

namespace NewsCorpus.Web.Compare;

/// <summary>Reads the article ids of a compare request ("1,2,3" or repeated values) with a clear message for anything off.</summary>
public static class CompareRequest
{
    public const int MinArticles = 2;
    public const int MaxArticles = 6;
    private const int MaxInputLength = 1000;

    public static (IReadOnlyList<int> Ids, string? Error) Parse(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var joined = string.Join(',', values.Where(v => v is not null));
        if (joined.Length > MaxInputLength)
        {
            return ([], $"The list of articles is too long: compare {MinArticles} to {MaxArticles} articles at a time.");
        }

        var parts = joined.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > MaxArticles)
        {
            return ([], $"{parts.Length} articles were given; compare at most {MaxArticles} at a time.");
        }

        var ids = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return ([], $"'{(part.Length > 20 ? part[..20] + "…" : part)}' is not an article id; use numbers such as articles=1,2.");
            }

            if (ids.Contains(id))
            {
                return ([], $"Article {id} is listed twice; each article can be compared once.");
            }

            ids.Add(id);
        }

        if (ids.Count < MinArticles)
        {
            return (ids, ids.Count == 0
                ? $"Pick {MinArticles} to {MaxArticles} articles to compare, for example /Compare?articles=1,2."
                : $"Only one article was given; pick {MinArticles} to {MaxArticles} articles to compare.");
        }

        return (ids, null);
    }
}
